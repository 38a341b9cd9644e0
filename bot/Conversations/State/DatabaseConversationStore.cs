using System.Data.Common;
using Microsoft.Extensions.Options;
using SummitBot.Answering;
using SummitBot.State;

namespace SummitBot.Conversations.State;

/// <summary>
/// Conversation history in the bot's state database (SQLite or PostgreSQL), so a follow-up after a restart still has its context. Bounded
/// as Conversations:* says, in the same transaction as each append: turns, characters and age per conversation;
/// conversations and their estimated bytes in all (the least recently active go first). Expired turns of idle
/// conversations are removed by <see cref="StateSweeper"/>.
/// </summary>
public sealed class DatabaseConversationStore(IStateDatabase state, IOptions<ConversationOptions> options, TimeProvider time) : IConversationStore
{
    private readonly ConversationOptions limits = options.Value;

    public async Task<IReadOnlyList<ConversationTurn>> GetHistoryAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await using var connection = await state.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var read = Command(connection, null, "SELECT question, answer FROM conversation_turns WHERE channel_id = @channel AND conversation_id = @id AND at >= @oldest ORDER BY id", conversation);
        read.With("@oldest", Oldest());
        var turns = new List<ConversationTurn>();
        await using var rows = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            turns.Add(new ConversationTurn(rows.GetString(0), rows.GetString(1)));
        }

        return turns;
    }

    public async Task AppendAsync(ConversationKey conversation, ConversationTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(turn);
        if (limits.MaxTurns == 0)
        {
            return;
        }

        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var fitted = ConversationBudget.Fit(turn, limits.MaxHistoryCharacters);
        await using var connection = await state.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await using (var upsert = Command(connection, transaction, "INSERT INTO conversations (channel_id, conversation_id, last_active, bytes) VALUES (@channel, @id, @now, 0) ON CONFLICT (channel_id, conversation_id) DO UPDATE SET last_active = @now", conversation))
        {
            upsert.With("@now", now);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var insert = Command(connection, transaction, "INSERT INTO conversation_turns (channel_id, conversation_id, question, answer, at) VALUES (@channel, @id, @question, @answer, @now)", conversation))
        {
            insert.With("@question", fitted.Question);
            insert.With("@answer", fitted.Answer);
            insert.With("@now", now);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await TrimConversationAsync(connection, transaction, conversation, cancellationToken).ConfigureAwait(false);
        await TrimStoreAsync(connection, transaction, conversation, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ClearAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await state.ExecuteAsync(
            "DELETE FROM conversations WHERE channel_id = @channel AND conversation_id = @id",
            cancellationToken,
            ("@channel", conversation.ChannelId),
            ("@id", conversation.ConversationId)).ConfigureAwait(false);
    }

    /// <summary>The estimated size of everything remembered, in bytes (what Conversations:MaxStoreBytes bounds).</summary>
    public async Task<long> EstimatedBytesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await state.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var sum = connection.Command(null, "SELECT COALESCE(SUM(bytes), 0) FROM conversations");
        return await sum.ScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Keeps the conversation's newest turns within its limits and age, and records what it now costs.</summary>
    private async Task TrimConversationAsync(DbConnection connection, DbTransaction transaction, ConversationKey conversation, CancellationToken cancellationToken)
    {
        var rows = new List<(long Id, ConversationTurn Turn)>();
        await using (var read = Command(connection, transaction, "SELECT id, question, answer FROM conversation_turns WHERE channel_id = @channel AND conversation_id = @id AND at >= @oldest ORDER BY id", conversation))
        {
            read.With("@oldest", Oldest());
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetInt64(0), new ConversationTurn(reader.GetString(1), reader.GetString(2))));
            }
        }

        var kept = rows.TakeLast(ConversationBudget.NewestThatFit([.. rows.Select(r => r.Turn)], limits.MaxTurns, limits.MaxHistoryCharacters)).ToList();
        await using (var delete = Command(connection, transaction, "DELETE FROM conversation_turns WHERE channel_id = @channel AND conversation_id = @id AND id < @first", conversation))
        {
            delete.With("@first", kept.Count == 0 ? long.MaxValue : kept[0].Id);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var cost = Command(connection, transaction, "UPDATE conversations SET bytes = @bytes WHERE channel_id = @channel AND conversation_id = @id", conversation);
        cost.With("@bytes", ConversationBudget.EstimateBytes(conversation, kept.Select(k => k.Turn)));
        await cost.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Forgets the least recently active conversations while there are too many or they cost too much; the one just
    /// appended to goes last, only when it alone is over the whole budget.
    /// </summary>
    private async Task TrimStoreAsync(DbConnection connection, DbTransaction transaction, ConversationKey appended, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var totals = Command(connection, transaction, "SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM conversations", appended);
            long count, bytes;
            await using (var reader = await totals.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                (count, bytes) = (Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
            }

            if (count == 0 || (count <= limits.MaxConversations && bytes <= limits.MaxStoreBytes))
            {
                return;
            }

            await using var forget = Command(
                connection,
                transaction,
                """
                DELETE FROM conversations WHERE (channel_id, conversation_id) IN (
                    SELECT channel_id, conversation_id FROM conversations
                    ORDER BY (channel_id = @channel AND conversation_id = @id), last_active, channel_id, conversation_id LIMIT 1)
                """,
                appended);
            await forget.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private long Oldest() => (time.GetUtcNow() - limits.MaxTurnAge).ToUnixTimeMilliseconds();

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, ConversationKey conversation) =>
        connection.Command(transaction, sql).With("@channel", conversation.ChannelId).With("@id", conversation.ConversationId);
}
