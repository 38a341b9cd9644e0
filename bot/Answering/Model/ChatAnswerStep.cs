using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using SummitBot.Hosting;

namespace SummitBot.Answering.Model;

/// <summary>
/// The answer step with a chat model: the same question reading and retrieval as the extractive step, the
/// passages numbered into the prompt (prompts/answer.yaml), and only what the model grounds in them kept.
/// When the model fails or grounds nothing, the extractive step answers instead, so a user always gets an
/// answer traceable to the articles.
/// </summary>
internal sealed class ChatAnswerStep(
    KnowledgeBase knowledge,
    IOptions<AnswerOptions> answerOptions,
    IChatClient model,
    ChatModelPipeline pipeline,
    PromptTemplate prompt,
    ExtractiveAnswerStep extractive,
    ILogger<ChatAnswerStep> logger) : IAnswerStep
{
    private readonly AnswerOptions settings = answerOptions.Value;

    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        var (asked, instead) = await AskedQuestion.ReadAsync(question, history, settings, knowledge, cancellationToken).ConfigureAwait(false);
        if (asked is null)
        {
            return instead!;
        }

        var corpus = asked.Engine.Corpus;
        var sources = ModelSource.From(asked.Hits, corpus);
        if (sources.Count == 0)
        {
            return Answer.NotCovered(settings.NotCoveredText);
        }

        var messages = prompt.Render(new
        {
            question = asked.Text,
            history = history.TakeLast(settings.FollowUpTurns).Select(t => new { question = t.Question, answer = t.Answer }),
            sources = sources.Select(s => new { n = s.N, title = s.Title, outlet = s.Outlet, text = s.Text }),
            not_covered = ModelReply.NotCoveredMarker,
        });
        var options = new ChatOptions { Temperature = prompt.Temperature, MaxOutputTokens = prompt.MaxTokens };
        string reply;
        try
        {
            var response = await pipeline.ExecuteAsync(
                async token => await model.GetResponseAsync(messages, options, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            reply = response.Text;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The chat model did not answer ({Failure}); answering from the articles' own sentences.", ChatModelPipeline.Describe(e));
            return extractive.AnswerFrom(asked);
        }

        var answer = ModelReply.ToAnswer(reply, sources, corpus, text => asked.Excerpt(text, settings.ExcerptLength), settings.NotCoveredText);
        if (answer is null)
        {
            logger.LogWarning("The chat model's answer cited none of the passages it was shown; answering from the articles' own sentences.");
            return extractive.AnswerFrom(asked);
        }

        return answer;
    }
}
