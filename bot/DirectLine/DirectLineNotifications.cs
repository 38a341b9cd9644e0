using System.Threading.Channels;
using SummitBot.State;

namespace SummitBot.DirectLine;

/// <summary>
/// Hears what every instance sharing the PostgreSQL database adds to web chat conversations (LISTEN on
/// <see cref="SharedJournal.Channel"/>) and applies it, in commit order, to the conversations this instance holds,
/// whose streams then send it on. A conversation that missed something (a dropped connection, an announcement too
/// large to carry the activity) is caught up from the database. Reconnects on its own when the connection breaks.
/// </summary>
public sealed class DirectLineNotifications(PostgresState state, SharedJournal journal, DirectLineConversations conversations, TimeProvider time, ILogger<DirectLineNotifications> logger)
    : BackgroundService
{
    /// <summary>Far more than a moment's announcements; past it the oldest go, and the conversations they were for catch up.</summary>
    private const int MaxWaiting = 10_000;

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    private readonly Channel<string> heard = Channel.CreateBounded<string>(new BoundedChannelOptions(MaxWaiting) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(ListenAsync(stoppingToken), ApplyAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await state.ListenAsync(SharedJournal.Channel, payload => heard.Writer.TryWrite(payload), stoppingToken).ConfigureAwait(false);
                // Whatever was added while nobody listened (before the first connection, or between two).
                foreach (var log in conversations.Held)
                {
                    await journal.CatchUpAsync(log, stoppingToken).ConfigureAwait(false);
                }

                while (true)
                {
                    await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Listening for web chat activities from other instances failed; listening again in {Delay}", Reconnect);
                try
                {
                    await Task.Delay(Reconnect, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task ApplyAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var payload in heard.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (SharedJournal.Read(payload) is not { } notice || conversations.Find(notice.Conversation) is not { } log || notice.Entry.Number <= log.Last)
                {
                    continue;
                }

                var (_, entry, carried) = notice;

                try
                {
                    // A kept activity the payload could not carry is in its row; a gap means announcements were missed.
                    if ((!carried && entry.Kept) || !log.Apply(entry.Number, carried ? entry.Activity : null, entry.Kept, entry.At))
                    {
                        await journal.CatchUpAsync(log, stoppingToken).ConfigureAwait(false);
                        log.Apply(entry.Number, carried ? entry.Activity : null, entry.Kept, entry.At);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next announcement for it finds the gap and tries again.
                    logger.LogError(ex, "Could not catch a web chat conversation up from {Database}", state.Describe);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
