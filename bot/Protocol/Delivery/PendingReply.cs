using SummitBot.Conversations;
using SummitBot.Protocol.Activities;

namespace SummitBot.Protocol.Delivery;

/// <summary>A reply waiting in the outbox for its Connector.</summary>
/// <param name="Deadline">When delivery is given up: the turn's acceptance plus the delivery deadline.</param>
/// <param name="BestEffort">One attempt and no complaint when it fails (a typing indicator).</param>
public sealed record PendingReply(ConversationKey Conversation, Uri ServiceUrl, Activity Activity, DateTimeOffset Deadline, bool BestEffort);
