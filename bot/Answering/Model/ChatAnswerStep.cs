using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using SummitBot.Health;
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
    ChatModelStatus status,
    ILogger<ChatAnswerStep> logger) : IAnswerStep
{
    private readonly AnswerOptions settings = answerOptions.Value;
    private readonly ChatModelOptions model = modelOptions.Value;

    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        var (asked, sources, instead) = await PrepareAsync(question, history, cancellationToken).ConfigureAwait(false);
        if (instead is not null)
        {
            return instead;
        }

        using var budget = Budget(cancellationToken);
        try
        {
            var result = await kernel.InvokeAsync(prompt, Arguments(asked!, sources, history), budget.Token).ConfigureAwait(false);
            return Finish(asked!, sources, result.GetValue<string>() ?? "");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return FallBack(asked!, e);
        }
    }

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(
        string question, IReadOnlyList<ConversationTurn> history, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (asked, sources, instead) = await PrepareAsync(question, history, cancellationToken).ConfigureAwait(false);
        if (instead is not null)
        {
            yield return new AnswerUpdate("", instead);
            yield break;
        }

        using var budget = Budget(cancellationToken);
        var reply = new StringBuilder();
        Exception? failure = null;
        var pieces = kernel.InvokeStreamingAsync<StreamingChatMessageContent>(prompt, Arguments(asked!, sources, history), budget.Token).GetAsyncEnumerator(budget.Token);
        await using (pieces.ConfigureAwait(false))
        {
            while (true)
            {
                // A yield cannot sit inside a try with a catch: the failure is kept and the loop left.
                string? piece;
                try
                {
                    if (!await pieces.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    piece = pieces.Current.Content;
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = e;
                    break;
                }

                if (!string.IsNullOrEmpty(piece))
                {
                    reply.Append(piece);
                    yield return new AnswerUpdate(piece);
                }
            }
        }

        yield return new AnswerUpdate("", failure is null ? Finish(asked!, sources, reply.ToString()) : FallBack(asked!, failure));
    }

    /// <summary>The question read and the passages numbered, or the answer to give instead (a refusal, a polite decline).</summary>
    private async Task<(AskedQuestion? Asked, IReadOnlyList<ModelSource> Sources, Answer? Instead)> PrepareAsync(
        string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        var (asked, instead) = await AskedQuestion.ReadAsync(question, history, settings, knowledge, cancellationToken).ConfigureAwait(false);
        if (asked is null)
        {
            return (null, [], instead!);
        }

        var sources = ModelSource.From(asked.Hits, asked.Engine.Corpus);
        return sources.Count == 0 ? (asked, sources, Answer.NotCovered(settings.NotCoveredText)) : (asked, sources, null);
    }

    /// <summary>The caller's cancellation, and ChatModel:TotalTimeout: past it the user gets the extractive answer.</summary>
    private CancellationTokenSource Budget(CancellationToken cancellationToken)
    {
        var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(model.TotalTimeout);
        return budget;
    }

    private Answer FallBack(AskedQuestion asked, Exception failure)
    {
        status.Failed(ChatModelFailure.Describe(failure));
        logger.LogWarning("The chat model did not answer ({Failure}); answering from the articles' own sentences.", ChatModelFailure.Describe(failure));
        return extractive.AnswerFrom(asked) with { By = AnsweredBy.ExtractiveFallback };
    }

    /// <summary>The model's reply as the answer: only its sentences the passages they cite state.</summary>
    private Answer Finish(AskedQuestion asked, IReadOnlyList<ModelSource> sources, string reply)
    {
        status.Answered();
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
