using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Connector;
using SummitBot.Protocol.Replies;

namespace SummitBot.Protocol.Turns;

/// <summary>An activity accepted with 200 and answered later through the Connector.</summary>
public sealed record QueuedTurn(Activity Activity, Uri ServiceUrl, ArticleLinks Links);

/// <summary>
/// Answers accepted activities in the background, so the channel's request is acknowledged at once however
/// slow the answer is. Turns are spread over a fixed number of workers by conversation, so one conversation's
/// turns run in order (a follow-up sees the answer before it) while different conversations run side by side.
/// Each worker's queue is bounded; when it is full the endpoint answers 503 instead of piling up work.
/// On shutdown running turns are cancelled and queued ones dropped.
/// </summary>
public sealed class BackgroundTurns : BackgroundService
{
    private readonly Channel<QueuedTurn>[] workers;
    private readonly TurnRunner runner;
    private readonly ConnectorClient connector;
    private readonly TimeSpan turnTimeout;
    private readonly ILogger<BackgroundTurns> logger;

    public BackgroundTurns(IOptions<BotProtocolOptions> options, TurnRunner runner, ConnectorClient connector, ILogger<BackgroundTurns> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var capacity = Math.Max(1, settings.MaxQueuedTurns / settings.MaxConcurrentTurns);
        workers = [.. Enumerable.Range(0, settings.MaxConcurrentTurns).Select(_ => Channel.CreateBounded<QueuedTurn>(
            new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))];
        this.runner = runner;
        this.connector = connector;
        turnTimeout = settings.TurnTimeout;
        this.logger = logger;
    }

    /// <returns>False when the conversation's worker is full or the bot is shutting down.</returns>
    public bool TryEnqueue(QueuedTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var conversation = ActivityMapping.ConversationOf(turn.Activity).ToString();
        var worker = (uint)conversation.GetHashCode(StringComparison.Ordinal) % (uint)workers.Length;
        return workers[worker].Writer.TryWrite(turn);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var worker in workers)
        {
            worker.Writer.TryComplete();
        }

        return base.StopAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(workers.Select(worker => WorkAsync(worker.Reader, stoppingToken)));

    private async Task WorkAsync(ChannelReader<QueuedTurn> queue, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var turn in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                var replies = new ConnectorReplies(connector, turn.ServiceUrl, turn.Activity, turn.Links, logger);
                await runner.RunAsync(turn.Activity, replies, turnTimeout, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Stopped answering in the background; queued turns were dropped");
        }
    }
}
