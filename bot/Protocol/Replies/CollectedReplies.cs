using SummitBot.Conversations.Replies;
using SummitBot.Protocol.Activities;

namespace SummitBot.Protocol.Replies;

/// <summary>A turn's replies kept for the response body (`deliveryMode: expectReplies`).</summary>
public sealed class CollectedReplies(Activity inbound, ArticleLinks links) : ITurnReplies
{
    private readonly Lock gate = new();
    private readonly List<Activity> activities = [];

    /// <summary>The replies so far. A turn abandoned at its deadline may still be adding to them, hence the copy.</summary>
    public IReadOnlyList<Activity> Snapshot()
    {
        lock (gate)
        {
            return [.. activities];
        }
    }

    public Task SendAsync(BotReply reply, CancellationToken cancellationToken)
    {
        // A typing indicator in a body that arrives with the answer would say nothing.
        if (reply is not TypingReply)
        {
            var activity = ReplyActivities.Create(reply, inbound, links);
            lock (gate)
            {
                activities.Add(activity);
            }
        }

        return Task.CompletedTask;
    }
}
