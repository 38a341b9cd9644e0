using System.Globalization;
using SummitBot.Conversations.Replies;
using SummitBot.Protocol.Delivery;
using SummitBot.Protocol.Turns;

namespace SummitBot.Protocol.Replies;

/// <summary>
/// A turn's replies handed to the outbox one by one, as the turn produces them. Each gets an id of its own
/// that stays the same however often delivery is attempted: the inbound activity's id (or, without one, a
/// fresh one for the turn) and the reply's place in the turn.
/// </summary>
/// <remarks>
/// The Activity protocol says a bot should not set a sent activity's id (channels assign their own); the
/// ones that do keep it can use it to recognise a retried reply, and the others ignore it.
/// </remarks>
public sealed class ConnectorReplies(ReplyOutbox outbox, QueuedTurn turn) : ITurnReplies
{
    private readonly string turnId = string.IsNullOrEmpty(turn.Activity.Id) ? Guid.NewGuid().ToString("N") : turn.Activity.Id;
    private int sent;

    public Task SendAsync(BotReply reply, CancellationToken cancellationToken)
    {
        var sequence = Interlocked.Increment(ref sent);
        var activity = ReplyActivities.Create(reply, turn.Activity, turn.Links) with
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{turnId}.reply-{sequence}"),
        };
        return outbox.AddAsync(new PendingReply(turn.Conversation, turn.ServiceUrl, activity, turn.DeliveryDeadline, BestEffort: reply is TypingReply), cancellationToken);
    }
}
