using SummitBot.Conversations.Replies;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Replies;

namespace SummitBot.DirectLine;

/// <summary>
/// A Direct Line turn's replies, added to the conversation's log as the turn makes them: kept for clients to read,
/// except typing, which only the listening stream sees.
/// </summary>
public sealed class DirectLineReplies(ConversationLog log, Activity inbound, ArticleLinks links, TimeProvider time) : ITurnReplies
{
    public Task SendAsync(BotReply reply, CancellationToken cancellationToken)
    {
        var activity = ReplyActivities.Create(reply, inbound, links);
        if (reply is TypingReply)
        {
            log.Pass(activity, time.GetUtcNow());
        }
        else
        {
            log.Append(id => WebChatFeedback.Offer(activity, id), time.GetUtcNow());
        }

        return Task.CompletedTask;
    }
}
