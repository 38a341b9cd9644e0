using ActivityContext = System.Diagnostics.ActivityContext;
using SummitBot.Conversations;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Connector;

namespace SummitBot.Protocol.Delivery;

/// <summary>A reply waiting in the outbox for its Connector.</summary>
/// <param name="Deadline">When delivery is given up: the turn's acceptance plus the delivery deadline.</param>
/// <param name="BestEffort">One attempt and no complaint when it fails (a typing indicator).</param>
/// <param name="Outcome">Told how delivery ended, with the channel's id for the activity (a Teams stream's first draft); null: nobody waits.</param>
public sealed record PendingReply(ConversationKey Conversation, Uri ServiceUrl, Activity Activity, DateTimeOffset Deadline, bool BestEffort, TaskCompletionSource<DeliveryResult>? Outcome = null)
{
    /// <summary>The trace of the turn that sent it, so its delivery span joins the turn's trace from an outbox worker.</summary>
    public ActivityContext Trace { get; init; } = Telemetry.BotTelemetry.CurrentTrace;
}
