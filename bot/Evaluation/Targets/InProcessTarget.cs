using System.Text.Json;
using SummitBot.Conversations.Replies;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Replies;
using SummitBot.Protocol.Turns;

namespace SummitBot.Evaluation.Targets;

/// <summary>
/// Asks the bot in this process the way a channel does, without HTTP: each question is an activity run through the
/// bot's own turn handling (commands, small talk, the answer step with the conversation's history, suggestions),
/// its replies rendered as the channel's activities and read back exactly as <c>--endpoint</c> reads a running
/// bot's, so a suite or a transcript is judged alike in process and against a deployment.
/// </summary>
/// <param name="runner">The bot's turn runner, over the answer step being evaluated.</param>
/// <param name="publicBase">Where the bot's own article links point (BotProtocol:PublicBaseUrl, else the default local address).</param>
public sealed class InProcessTarget(TurnRunner runner, ArticleCatalog articles, EvaluationOptions options, Uri publicBase) : IEvalTarget
{
    private readonly ArticleLinks links = new(publicBase);
    private readonly TurnRunner runner = runner;
    private readonly ArticleCatalog articles = articles;
    private readonly EvaluationOptions options = options;

    public IEvalConversation StartConversation() => new Conversation(this, "eval-" + Guid.NewGuid().ToString("N"));

    private sealed class Conversation(InProcessTarget target, string conversationId) : IEvalConversation
    {
        public async Task<BotReply> AskAsync(string question, CancellationToken cancellationToken)
        {
            var asked = AskedActivity.For(conversationId, target.options.ChannelId, question);
            var replies = new AnswerNoting(new CollectedReplies(asked, target.links));
            await target.runner.RunAsync(asked, replies, TimeSpan.FromSeconds(target.options.RequestTimeoutSeconds), cancellationToken).ConfigureAwait(false);
            var body = JsonSerializer.Serialize(new ExpectedReplies(replies.Collected.Snapshot()), ActivityJson.Options);
            return ReplyActivities.Read(body, target.articles) with { By = replies.AnsweredBy };
        }
    }

    /// <summary>Collects the replies as an expectReplies body would, noting which step wrote the answer (reports count fallbacks).</summary>
    private sealed class AnswerNoting(CollectedReplies collected) : ITurnReplies
    {
        public CollectedReplies Collected => collected;

        public Answering.AnsweredBy? AnsweredBy { get; private set; }

        public Task SendAsync(Conversations.Replies.BotReply reply, CancellationToken cancellationToken)
        {
            if (reply is AnswerReply answer)
            {
                AnsweredBy = answer.Answer.By;
            }

            return collected.SendAsync(reply, cancellationToken);
        }
    }
}
