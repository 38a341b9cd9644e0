using System.Data.Common;
using System.Text.Json;
using SummitBot.State;

namespace SummitBot.Conversations.Feedback;

/// <summary>
/// Users' feedback in the bot's state database (SQLite or PostgreSQL), kept across restarts for the `feedback` command. The newest
/// Conversations:MaxFeedbackEntries are kept; <see cref="StateSweeper"/> removes the rest. The answers the bot sent
/// are kept beside them by the channel's id for each, so the feedback on one can be read with what it rated.
/// </summary>
public sealed class DatabaseFeedbackStore(IStateDatabase state) : IFeedbackStore
{
    public async Task AddAsync(UserFeedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await state.ExecuteAsync(
            """
            INSERT INTO feedback (channel_id, conversation_id, rated_message_id, reaction, text, user_id, received_at)
            VALUES (@channel, @conversation, @rated, @reaction, @text, @user, @at)
            """,
            cancellationToken,
            ("@channel", feedback.Conversation.ChannelId),
            ("@conversation", feedback.Conversation.ConversationId),
            ("@rated", feedback.RatedMessageId),
            ("@reaction", feedback.Reaction),
            ("@text", feedback.Text),
            ("@user", feedback.UserId),
            ("@at", feedback.ReceivedAt.ToUnixTimeMilliseconds())).ConfigureAwait(false);
    }

    public async Task RecordAnswerAsync(SentAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await state.ExecuteAsync(
            """
            INSERT INTO sent_answers (channel_id, conversation_id, message_id, question, answer, citations, sent_at)
            VALUES (@channel, @conversation, @message, @question, @answer, @citations, @at)
            ON CONFLICT (channel_id, conversation_id, message_id) DO UPDATE
                SET question = excluded.question, answer = excluded.answer, citations = excluded.citations, sent_at = excluded.sent_at
            """,
            cancellationToken,
            ("@channel", answer.Conversation.ChannelId),
            ("@conversation", answer.Conversation.ConversationId),
            ("@message", answer.MessageId),
            ("@question", answer.Question),
            ("@answer", answer.Answer),
            ("@citations", JsonSerializer.Serialize(answer.Citations)),
            ("@at", answer.SentAt.ToUnixTimeMilliseconds())).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<UserFeedback>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await state.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var read = connection.Command(null, """
            SELECT f.channel_id, f.conversation_id, f.rated_message_id, f.reaction, f.text, f.user_id, f.received_at,
                   a.question, a.answer, a.citations, a.sent_at
            FROM feedback f
            LEFT JOIN sent_answers a
                ON a.channel_id = f.channel_id AND a.conversation_id = f.conversation_id AND a.message_id = f.rated_message_id
            ORDER BY f.id
            """);
        var kept = new List<UserFeedback>();
        await using var rows = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var conversation = new ConversationKey(rows.GetString(0), rows.GetString(1));
            var rated = NullableString(rows, 2);
            kept.Add(new UserFeedback(conversation, rated, rows.GetString(3), NullableString(rows, 4), NullableString(rows, 5), DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(6)))
            {
                Answer = rows.IsDBNull(7)
                    ? null
                    : new SentAnswer(conversation, rated!, rows.GetString(7), rows.GetString(8), JsonSerializer.Deserialize<string[]>(rows.GetString(9)) ?? [], DateTimeOffset.FromUnixTimeMilliseconds(rows.GetInt64(10))),
            });
        }

        return kept;
    }

    private static string? NullableString(DbDataReader rows, int column) => rows.IsDBNull(column) ? null : rows.GetString(column);
}
