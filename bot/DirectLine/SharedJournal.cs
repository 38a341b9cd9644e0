using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SummitBot.Protocol.Activities;
using SummitBot.State;

namespace SummitBot.DirectLine;

/// <summary>
/// Several instances on one PostgreSQL database: each activity is numbered by the database (a counter row per
/// conversation, locked until the transaction commits, so numbers commit in order), kept there when it is kept, and
/// announced with NOTIFY in the same transaction. Every instance, this one included, applies the announcements in
/// commit order (<see cref="DirectLineNotifications"/>), so each log, and the stream listening to it, sees one order.
/// </summary>
public sealed class SharedJournal(IStateDatabase state, DirectLineArchive archive, TimeProvider time, ILogger<SharedJournal> logger) : IDirectLineJournal
{
    /// <summary>The NOTIFY channel the instances announce activities on.</summary>
    public const string Channel = "summitbot_directline";

    /// <summary>How long an instance waits to hear its own announcement before reading the database instead.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    /// <summary>PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; a larger activity is read from its row (or, passing, not relayed).</summary>
    private const int MaxPayloadBytes = 7900;

    private const string NextNumber = """
        INSERT INTO directline_conversations (conversation_id, last_number, last_active)
        VALUES (@id, COALESCE((SELECT MAX(number) + 1 FROM directline_activities WHERE conversation_id = @id), 0), @now)
        ON CONFLICT (conversation_id) DO UPDATE SET last_number = directline_conversations.last_number + 1, last_active = @now
        RETURNING last_number
        """;

    public Action<string, ConversationLog.Numbered>? Keeper => null;

    public Task<Activity> AppendAsync(ConversationLog log, Func<string, Activity> create, CancellationToken cancellationToken) =>
        AddAsync(log, create, kept: true, cancellationToken);

    public Task<Activity> PassAsync(ConversationLog log, Activity activity, CancellationToken cancellationToken) =>
        AddAsync(log, _ => activity, kept: false, cancellationToken);

    /// <summary>Each activity is in the database before <see cref="AppendAsync"/> returns.</summary>
    public Task WrittenAsync() => Task.CompletedTask;

    /// <summary>Brings the log up to what the database holds: after a lost announcement, or when it was opened mid-stream.</summary>
    public async Task CatchUpAsync(ConversationLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var (stored, through) = await archive.LoadAsync(log.ConversationId, log.Last, cancellationToken).ConfigureAwait(false);
        log.CatchUp(stored, through);
    }

    /// <returns>The announcement's entry; a null activity is one the payload could not carry.</returns>
    public static (string Conversation, ConversationLog.Numbered Entry, bool Carried)? Read(string payload)
    {
        try
        {
            var notice = JsonSerializer.Deserialize<Notice>(payload, ActivityJson.Options);
            return notice is { Conversation.Length: > 0 }
                ? (notice.Conversation, new ConversationLog.Numbered(notice.Number, notice.Activity!, notice.Kept, DateTimeOffset.FromUnixTimeMilliseconds(notice.At)), notice.Activity is not null)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<Activity> AddAsync(ConversationLog log, Func<string, Activity> create, bool kept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var now = time.GetUtcNow();
        ConversationLog.Numbered entry;
        await using (var connection = await state.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var next = connection.Command(transaction, NextNumber).With("@id", log.ConversationId).With("@now", now.ToUnixTimeMilliseconds());
            var number = await next.ScalarAsync(cancellationToken).ConfigureAwait(false);
            entry = new ConversationLog.Numbered(number, log.Stamp(create, number, now), kept, now);
            if (kept)
            {
                await archive.InsertAsync(connection, transaction, log.ConversationId, entry, cancellationToken).ConfigureAwait(false);
            }

            await using var notify = connection.Command(transaction, "SELECT pg_notify(@channel, @payload)")
                .With("@channel", Channel)
                .With("@payload", Payload(log.ConversationId, entry));
            await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await log.WaitForAsync(entry.Number, cancellationToken).WaitAsync(Patience, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Not heard (the listening connection is down, or behind): the database has it all the same.
            logger.LogWarning("Activity {Number} of a web chat conversation was not announced back within {Patience}; reading it from the database", entry.Number, Patience);
            await CatchUpAsync(log, cancellationToken).ConfigureAwait(false);
        }

        return entry.Activity;
    }

    private static string Payload(string conversationId, ConversationLog.Numbered entry)
    {
        var notice = new Notice(conversationId, entry.Number, entry.Kept, entry.At.ToUnixTimeMilliseconds(), entry.Activity);
        var payload = JsonSerializer.Serialize(notice, ActivityJson.Options);
        return Encoding.UTF8.GetByteCount(payload) < MaxPayloadBytes ? payload : JsonSerializer.Serialize(notice with { Activity = null }, ActivityJson.Options);
    }

    private sealed record Notice(
        [property: JsonPropertyName("c")] string Conversation,
        [property: JsonPropertyName("n")] long Number,
        [property: JsonPropertyName("k")] bool Kept,
        [property: JsonPropertyName("t")] long At,
        [property: JsonPropertyName("a")] Activity? Activity);
}
