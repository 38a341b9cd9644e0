using System.Data.Common;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SummitBot.Protocol.Activities;
using SummitBot.State;

namespace SummitBot.DirectLine;

/// <summary>
/// Keeps the web chat's conversations in the state database, so a visitor whose page reloads after the bot restarted
/// finds the conversation again. Written behind: the log hands each kept activity over without waiting (it holds a
/// lock), and this writes them in batches; a crash can lose the last moment's activities, never block a reply.
/// </summary>
public sealed class DirectLineArchive(IStateDatabase state, IOptions<DirectLineOptions> options, ILogger<DirectLineArchive> logger) : BackgroundService
{
    /// <summary>Activities older than this are removed: no token outlives a day without being refreshed by a page that is open.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private const int MaxWaiting = 10_000;
    private const int MaxBatch = 256;

    private readonly int capacity = options.Value.MaxActivitiesPerConversation;
    private readonly Channel<(string Conversation, ConversationLog.Numbered Entry)> waiting =
        Channel.CreateBounded<(string, ConversationLog.Numbered)>(new BoundedChannelOptions(MaxWaiting) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly Lock progress = new();
    private readonly List<(long Upto, TaskCompletionSource Waiter)> waiters = [];
    private long queued;
    private long written;

    /// <summary>For <see cref="ConversationLog"/>'s keeper: queues the activity to be written.</summary>
    public void Keep(string conversationId, ConversationLog.Numbered entry)
    {
        if (waiting.Writer.TryWrite((conversationId, entry)))
        {
            Interlocked.Increment(ref queued);
        }
        else
        {
            logger.LogWarning("The Direct Line archive is {Count} activities behind; an activity of {Conversation} was not kept", MaxWaiting, Hosting.LogValue.Shorten(conversationId));
        }
    }

    /// <summary>
    /// Completes once everything queued so far is written (or its write failed, which is logged): a turn is only
    /// forgotten once its replies are in the database, so a crash right after cannot lose them.
    /// </summary>
    public Task WrittenAsync()
    {
        lock (progress)
        {
            var upto = Interlocked.Read(ref queued);
            if (written >= upto)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((upto, waiter));
            return waiter.Task;
        }
    }

    /// <returns>
    /// What the database holds of the conversation after <paramref name="after"/>, oldest first (nothing for one it never
    /// saw), and the last number given out in it: past the last kept activity when passing ones came after it.
    /// </returns>
    public async Task<(IReadOnlyList<ConversationLog.Numbered> Stored, long Through)> LoadAsync(string conversationId, long after, CancellationToken cancellationToken)
    {
        await using var connection = await state.OpenAsync(cancellationToken).ConfigureAwait(false);
        // The counter first: numbers are committed in order, so the rows read after it include every kept one it counts.
        await using var counter = connection.Command(null, "SELECT COALESCE(MAX(last_number), -1) FROM directline_conversations WHERE conversation_id = @id")
            .With("@id", conversationId);
        var through = await counter.ScalarAsync(cancellationToken).ConfigureAwait(false);
        await using var read = connection.Command(null, "SELECT number, activity, at FROM directline_activities WHERE conversation_id = @id AND number > @after ORDER BY number")
            .With("@id", conversationId)
            .With("@after", after);
        var stored = new List<ConversationLog.Numbered>();
        await using var rows = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var activity = JsonSerializer.Deserialize<Activity>(rows.GetString(1), ActivityJson.Options)!;
            stored.Add(new ConversationLog.Numbered(rows.GetInt64(0), activity, Kept: true, DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(2))));
        }

        return (stored, stored.Count > 0 ? Math.Max(through, stored[^1].Number) : through);
    }

    /// <summary>Writes one kept activity, and lets the conversation's oldest go past DirectLine:MaxActivitiesPerConversation.</summary>
    internal async Task InsertAsync(DbConnection connection, DbTransaction transaction, string conversationId, ConversationLog.Numbered entry, CancellationToken cancellationToken)
    {
        await using var insert = connection.Command(
                transaction,
                """
                INSERT INTO directline_activities (conversation_id, number, activity, at) VALUES (@id, @number, @activity, @at)
                ON CONFLICT (conversation_id, number) DO NOTHING;
                DELETE FROM directline_activities WHERE conversation_id = @id AND number <= @number - @capacity;
                """)
            .With("@id", conversationId)
            .With("@number", entry.Number)
            .With("@activity", JsonSerializer.Serialize(entry.Activity, ActivityJson.Options))
            .With("@at", entry.At.ToUnixTimeMilliseconds())
            .With("@capacity", (long)capacity);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>On a stop, what is waiting is written first, within the host's shutdown timeout.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        waiting.Writer.TryComplete();
        try
        {
            await (ExecuteTask ?? Task.CompletedTask).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Stopped before the Direct Line archive caught up");
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <remarks>Runs until the queue is completed (at stop), not until the stopping token: the queue must drain first.</remarks>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(string Conversation, ConversationLog.Numbered Entry)>(MaxBatch);
        while (await waiting.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && waiting.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await WriteAsync(batch, CancellationToken.None).ConfigureAwait(false);
            Written(batch.Count);
            batch.Clear();
        }
    }

    private void Written(int count)
    {
        lock (progress)
        {
            written += count;
            waiters.RemoveAll(w => w.Upto <= written && w.Waiter.TrySetResult());
        }
    }

    private async Task WriteAsync(List<(string Conversation, ConversationLog.Numbered Entry)> batch, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await state.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (conversation, entry) in batch)
            {
                await InsertAsync(connection, transaction, conversation, entry, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The conversation goes on from memory; only a restart would miss these.
            logger.LogError(ex, "Could not keep {Count} Direct Line activities in {Database}", batch.Count, state.Describe);
        }
    }
}
