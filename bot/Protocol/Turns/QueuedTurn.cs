using ActivityContext = System.Diagnostics.ActivityContext;
using SummitBot.Conversations;
using SummitBot.Conversations.Replies;
using SummitBot.Protocol.Activities;

namespace SummitBot.Protocol.Turns;

/// <summary>
/// An accepted activity waiting for a worker, with where its replies go: the Connector for /api/messages, the
/// conversation's own log for the bot's Direct Line.
/// </summary>
public sealed record QueuedTurn(Activity Activity, ITurnReplies Replies)
{
    public ConversationKey Conversation => ActivityMapping.ConversationOf(Activity);

    /// <summary>The trace of the request that accepted it (none when recovered), so the turn's span continues it on a worker.</summary>
    public ActivityContext Trace { get; init; } = Telemetry.BotTelemetry.CurrentTrace;

    /// <summary>Its row in the state database's accepted turns, removed once its replies are delivered; null when not kept.</summary>
    public long? StoredId { get; init; }

    /// <summary>Completes when the turn has run (answered, apologised or timed out); never faults.</summary>
    public Task Finished => finished.Task;

    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal void MarkFinished() => finished.TrySetResult();
}
