using Microsoft.Data.Sqlite;
using SummitBot.State;

namespace SummitBot.Conversations.Feedback;

/// <summary>
/// Users' feedback in the bot's SQLite database, kept across restarts for the `feedback` command. The newest
/// Conversations:MaxFeedbackEntries are kept; <see cref="StateSweeper"/> removes the rest.
/// </summary>
public sealed class SqliteFeedbackStore(SqliteState state) : IFeedbackStore
{
    public async Task AddAsync(UserFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await using var connection = await state.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO feedback (channel_id, conversation_id, rated_message_id, reaction, text, user_id, received_at)
            VALUES ($channel, $conversation, $rated, $reaction, $text, $user, $at)
            """;
        insert.Parameters.AddWithValue("$channel", feedback.Conversation.ChannelId);
        insert.Parameters.AddWithValue("$conversation", feedback.Conversation.ConversationId);
        insert.Parameters.AddWithValue("$rated", (object?)feedback.RatedMessageId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$reaction", feedback.Reaction);
        insert.Parameters.AddWithValue("$text", (object?)feedback.Text ?? DBNull.Value);
        insert.Parameters.AddWithValue("$user", (object?)feedback.UserId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$at", feedback.ReceivedAt.ToUnixTimeMilliseconds());
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<UserFeedback>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await state.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT channel_id, conversation_id, rated_message_id, reaction, text, user_id, received_at FROM feedback ORDER BY id";
        var kept = new List<UserFeedback>();
        await using var rows = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            kept.Add(new UserFeedback(
                new ConversationKey(rows.GetString(0), rows.GetString(1)),
                NullableString(rows, 2),
                rows.GetString(3),
                NullableString(rows, 4),
                NullableString(rows, 5),
                DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(6))));
        }

        return kept;
    }

    private static string? NullableString(SqliteDataReader rows, int column) => rows.IsDBNull(column) ? null : rows.GetString(column);
}
