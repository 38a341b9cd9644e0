using Microsoft.Extensions.Options;
using SummitBot.Conversations.Feedback;
using SummitBot.Hosting;
using SummitBot.Protocol.Connector;
using SummitBot.Protocol.Delivery;
using SummitBot.Protocol.Queues;
using SummitBot.Protocol.Replies;
using SummitBot.State;

namespace SummitBot.Protocol.Turns;

/// <summary>
/// Keeps this instance's accepted turns leased while it answers them, and answers the turns whose lease ran out: those
/// of an instance that died (this one before a restart included), queued again as if just accepted.
/// </summary>
public sealed class TurnRecovery(
    AcceptedTurns accepted,
    BackgroundTurns background,
    ReplyOutbox outbox,
    SentAnswers sentAnswers,
    PublicAddress address,
    IOptions<ConnectorOptions> connector,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<TurnRecovery> logger,
    IRecoveredTurnReplies? ownChannel = null) : BackgroundService
{
    private const int ClaimedAtOnce = 64;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Replies name the bot's own address in their links: wait until it listens.
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => listening.TrySetResult()))
        {
            await listening.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        using var timer = new PeriodicTimer(accepted.Lease / 3, time);
        do
        {
            try
            {
                await accepted.RenewAsync(stoppingToken).ConfigureAwait(false);
                await RecoverAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not renew or recover accepted turns; trying again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        foreach (var stored in await accepted.ClaimExpiredAsync(ClaimedAtOnce, cancellationToken).ConfigureAwait(false))
        {
            var activity = stored.Activity;
            var replies = ownChannel is null ? null : await ownChannel.ForAsync(activity, cancellationToken).ConfigureAwait(false);
            if (replies is null && ConnectorUrls.ParseServiceUrl(activity.ServiceUrl) is { } serviceUrl)
            {
                replies = new ConnectorReplies(outbox, activity, serviceUrl, new ArticleLinks(address.Base), time.GetUtcNow() + connector.Value.DeliveryDeadline, sentAnswers);
            }

            if (replies is null)
            {
                await accepted.RemoveAsync(stored.Id, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (background.TryEnqueue(new QueuedTurn(activity, replies) { StoredId = stored.Id }) == LaneAdmission.Accepted)
            {
                logger.LogInformation("Answering a turn of {Conversation} that was accepted but not answered before", LogValue.Shorten(ActivityMapping.ConversationOf(activity)));
            }
            else
            {
                await accepted.ReleaseAsync(stored.Id, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
