using System.Diagnostics;
using Microsoft.Extensions.Options;
using SummitBot.Conversations;
using SummitBot.Hosting;
using SummitBot.Protocol.Connector;
using SummitBot.Protocol.Queues;
using SummitBot.Telemetry;

namespace SummitBot.Protocol.Delivery;

/// <summary>
/// Delivers replies apart from the turns that wrote them, so a turn frees its worker as soon as its answer is
/// written, however long the Connector takes. Each conversation's replies go out one at a time, in order;
/// conversations are delivered side by side, with nothing shared between destinations but this bounded
/// outbox, so a dead serviceUrl holds back only its own conversations. A reply that cannot be delivered by
/// its deadline is logged with its conversation, never dropped silently. On shutdown, pending replies get
/// the host's shutdown timeout to go out.
/// </summary>
public sealed class ReplyOutbox : BackgroundService
{
    private readonly OrderedLanes<ConversationKey, PendingReply> lanes;
    private readonly ConnectorClient connector;
    private readonly int workers;
    private readonly ILogger<ReplyOutbox> logger;

    public ReplyOutbox(IOptions<ConnectorOptions> options, ConnectorClient connector, ILogger<ReplyOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;

        // As many workers as replies may wait: a reply waiting out a dead Connector's backoff holds a worker,
        // and must never hold back another conversation's reply.
        workers = settings.MaxPendingReplies;
        lanes = new OrderedLanes<ConversationKey, PendingReply>(settings.MaxPendingReplies, settings.MaxPendingReplies, logger);
        this.connector = connector;
        this.logger = logger;
    }

    /// <summary>Queues the reply behind its conversation's earlier ones, waiting for room when the outbox is full.</summary>
    public async Task AddAsync(PendingReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (await lanes.AddAsync(reply.Conversation, reply, cancellationToken).ConfigureAwait(false) != LaneAdmission.Accepted)
        {
            reply.Outcome?.TrySetResult(new DeliveryResult(false, 0, "the bot is stopping"));
            if (!reply.BestEffort)
            {
                LogUndelivered(reply, attempts: 0, "the bot is stopping");
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        lanes.Close();
        try
        {
            await (ExecuteTask ?? Task.CompletedTask).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            logger.LogError("Stopped with {Count} replies not yet delivered", lanes.Waiting);
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        lanes.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await lanes.RunAsync(workers, DeliverAsync, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // StopAsync has logged what was left.
        }
    }

    private async Task DeliverAsync(PendingReply reply, CancellationToken stoppingToken)
    {
        using var span = BotTelemetry.Source.StartActivity("reply", ActivityKind.Internal, reply.Trace);
        span?.SetTag("summitbot.activity_type", reply.Activity.Type);
        DeliveryResult result;
        try
        {
            result = await connector.DeliverAsync(reply.ServiceUrl, reply.Activity, reply.Deadline, reply.BestEffort, stoppingToken, readId: reply.Outcome is not null).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            reply.Outcome?.TrySetResult(new DeliveryResult(false, 0, "the bot is stopping"));
            throw;
        }

        reply.Outcome?.TrySetResult(result);
        span?.SetTag("summitbot.attempts", result.Attempts);
        if (result.Delivered)
        {
            return;
        }

        span?.SetStatus(ActivityStatusCode.Error, result.Failure);

        if (reply.BestEffort)
        {
            logger.LogWarning("A {Type} activity was not delivered to {Destination} ({Failure})", LogValue.Shorten(reply.Activity.Type), reply.ServiceUrl.Authority, result.Failure);
            return;
        }

        LogUndelivered(reply, result.Attempts, result.Failure);
    }

    private void LogUndelivered(PendingReply reply, int attempts, string? failure) =>
        logger.LogError(
            "Reply {ReplyId} in conversation {Conversation} was not delivered to {Destination} after {Attempts} attempts: {Failure}",
            LogValue.Shorten(reply.Activity.Id),
            LogValue.Shorten(reply.Conversation),
            reply.ServiceUrl.Authority,
            attempts,
            failure);
}
