using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using SummitBot.Hosting;

namespace SummitBot.Answering.Model;

/// <summary>
/// The answer step with a chat model: the same question reading and retrieval as the extractive step, the
/// passages numbered into the prompt function (prompts/answer.yaml) and invoked through the Kernel, and only
/// what the model grounds in them kept. When the model fails, runs past ChatModel:TotalTimeout or grounds
/// nothing, the extractive step answers instead, so a user always gets an answer traceable to the articles.
/// </summary>
internal sealed class ChatAnswerStep(
    KnowledgeBase knowledge,
    IOptions<AnswerOptions> answerOptions,
    IOptions<ChatModelOptions> modelOptions,
    Kernel kernel,
    KernelFunction prompt,
    ExtractiveAnswerStep extractive,
    ILogger<ChatAnswerStep> logger) : IAnswerStep
{
    private readonly AnswerOptions settings = answerOptions.Value;
    private readonly ChatModelOptions model = modelOptions.Value;

    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        var (asked, instead) = await AskedQuestion.ReadAsync(question, history, settings, knowledge, cancellationToken).ConfigureAwait(false);
        if (asked is null)
        {
            return instead!;
        }

        var sources = ModelSource.From(asked.Hits, asked.Engine.Corpus);
        if (sources.Count == 0)
        {
            return Answer.NotCovered(settings.NotCoveredText);
        }

        string reply;
        using (var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            budget.CancelAfter(model.TotalTimeout);
            try
            {
                var result = await kernel.InvokeAsync(prompt, Arguments(asked, sources, history), budget.Token).ConfigureAwait(false);
                reply = result.GetValue<string>() ?? "";
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("The chat model did not answer ({Failure}); answering from the articles' own sentences.", ChatModelFailure.Describe(e));
                return extractive.AnswerFrom(asked) with { By = AnsweredBy.ExtractiveFallback };
            }
        }

        var (answer, dropped) = ModelReply.ToAnswer(
            reply, sources, new GroundingCheck(asked.Engine.Analyzer), asked.Engine.Corpus, text => asked.Excerpt(text, settings.ExcerptLength), settings.NotCoveredText);
        if (dropped > 0)
        {
            logger.LogInformation("Dropped {Dropped} sentence(s) of the chat model's answer that the passages they cite do not state.", dropped);
        }

        if (answer is null)
        {
            logger.LogWarning("No sentence of the chat model's answer is stated by a passage it cites; answering from the articles' own sentences.");
            return extractive.AnswerFrom(asked) with { By = AnsweredBy.ExtractiveFallback };
        }

        return answer with { By = AnsweredBy.ChatModel };
    }

    private KernelArguments Arguments(AskedQuestion asked, IReadOnlyList<ModelSource> sources, IReadOnlyList<ConversationTurn> history) => new()
    {
        ["question"] = asked.Text,
        ["history"] = history.TakeLast(settings.FollowUpTurns).Select(t => new { question = t.Question, answer = t.Answer }).ToList(),
        ["sources"] = sources.Select(s => new { n = s.N, title = s.Title, outlet = s.Outlet, text = s.Text }).ToList(),
        ["not_covered"] = ModelReply.NotCoveredMarker,
    };
}
