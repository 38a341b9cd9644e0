using System.Globalization;
using SummitBot.Conversations;
using SummitBot.Conversations.Replies;
using SummitBot.Protocol.Activities;
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
/// <param name="deliveryDeadline">Replies are given up after this: acceptance plus BotProtocol:Connector:DeliveryDeadline.</param>
public sealed class ConnectorReplies(ReplyOutbox outbox, Activity inbound, Uri serviceUrl, ArticleLinks links, DateTimeOffset deliveryDeadline) : ITurnReplies
{
    private readonly string turnId = string.IsNullOrEmpty(inbound.Id) ? Guid.NewGuid().ToString("N") : inbound.Id;
    private readonly ConversationKey conversation = ActivityMapping.ConversationOf(inbound);
    private int sent;

    public Task SendAsync(BotReply reply, CancellationToken cancellationToken)
    {
        var sequence = Interlocked.Increment(ref sent);
        var activity = ReplyActivities.Create(reply, inbound, links) with
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{turnId}.reply-{sequence}"),
        };
        return outbox.AddAsync(new PendingReply(conversation, serviceUrl, activity, deliveryDeadline, BestEffort: reply is TypingReply), cancellationToken);
    }
}
