using Microsoft.Extensions.Options;
using SummitBot.Conversations;
using SummitBot.Protocol.Delivery;
using SummitBot.Hosting;
using SummitBot.Protocol.Queues;
using SummitBot.State;

namespace SummitBot.Protocol.Turns;

/// <summary>
/// Answers accepted activities in the background, so the channel's request is acknowledged at once however
/// slow the answer is. One conversation's turns run in order (a follow-up sees the answer before it), different
/// conversations side by side on a fixed number of workers, taking turns. Replies go where the
/// turn says (the <see cref="ReplyOutbox"/> for the Connector, so a slow Connector holds no worker). On shutdown running turns are cancelled
/// and queued ones dropped.
/// </summary>
public sealed class BackgroundTurns : BackgroundService
{
    private readonly OrderedLanes<ConversationKey, QueuedTurn> queue;
    private readonly TurnRunner runner;
    private readonly BotProtocolOptions settings;
    private readonly ILogger<BackgroundTurns> logger;

    private readonly AcceptedTurns accepted;

    public BackgroundTurns(IOptions<BotProtocolOptions> options, TurnRunner runner, AcceptedTurns accepted, ILogger<BackgroundTurns> logger, Telemetry.BotMetrics? metrics = null)
    {
        this.accepted = accepted;
        ArgumentNullException.ThrowIfNull(options);
        settings = options.Value;
        queue = new OrderedLanes<ConversationKey, QueuedTurn>(settings.MaxQueuedTurns, settings.MaxQueuedTurnsPerConversation, logger);
        metrics?.ObserveQueue(() => queue.Waiting);
        this.runner = runner;
        this.logger = logger;
    }

    public LaneAdmission TryEnqueue(QueuedTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return queue.TryAdd(turn.Conversation, turn);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Close();
        return base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        queue.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await queue.RunAsync(settings.MaxConcurrentTurns, RunAsync, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Stopped answering in the background; {Count} queued turns were dropped", queue.Waiting);
        }
    }

    private async Task RunAsync(QueuedTurn turn, CancellationToken stoppingToken)
    {
        try
        {
            await runner.RunAsync(turn.Activity, turn.Replies, settings.TurnTimeout, stoppingToken, turn.Trace).ConfigureAwait(false);
        }
        finally
        {
            turn.MarkFinished();
        }

        // Answered (a turn cut short by the bot stopping throws above, and stays kept for whoever starts next).
        if (turn.StoredId is { } stored)
        {
            _ = ForgetWhenDeliveredAsync(turn, stored);
        }
    }

    /// <summary>Not awaited by the worker: delivery may take minutes, and the turn is only forgotten once it is done.</summary>
    private async Task ForgetWhenDeliveredAsync(QueuedTurn turn, long stored)
    {
        try
        {
            await turn.Replies.DeliveredAsync().ConfigureAwait(false);
            await accepted.RemoveAsync(stored, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Kept, so the turn is answered again after a restart: a duplicate rather than a loss.
            logger.LogError(ex, "Could not forget an answered turn of {Conversation}", LogValue.Shorten(turn.Conversation));
        }
    }
}
