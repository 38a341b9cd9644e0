using System.Data.Common;

namespace SummitBot.State;

/// <summary>
/// The database's schema as numbered migrations, applied in order inside one transaction and recorded in
/// `schema_version`. A database whose version is newer than this build knows (written by a newer bot) is refused,
/// never written to: an older bot cannot know what it would break. Each database has its own DDL (types and
/// generated keys differ); the tables and columns are the same.
/// </summary>
public static class StateSchema
{
    /// <summary>SQLite: each entry takes the schema from version i to i + 1. Append only: a shipped migration never changes.</summary>
    public static readonly string[] Sqlite =
    [
        Tables("INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER"),
        SentAnswers("INTEGER"),
        DirectLine("INTEGER"),
        AcceptedTurns("INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER"),
        SharedDirectLine("INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER"),
    ];

    /// <summary>PostgreSQL, the same versions.</summary>
    public static readonly string[] Postgres =
    [
        Tables("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BIGINT"),
        SentAnswers("BIGINT"),
        DirectLine("BIGINT"),
        AcceptedTurns("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BIGINT"),
        SharedDirectLine("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BIGINT"),
    ];

    /// <summary>The version this build writes and reads.</summary>
    public static int Current => Sqlite.Length;

    /// <param name="lockSql">Run first inside the transaction, so instances starting together migrate one at a time (PostgreSQL); null for none.</param>
    public static async Task MigrateAsync(DbConnection connection, IReadOnlyList<string> migrations, string where, string? lockSql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(migrations);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (lockSql is not null)
        {
            await using var serialize = connection.Command(transaction, lockSql);
            await serialize.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var create = connection.Command(transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var read = connection.Command(transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
        var version = (int)await read.ScalarAsync(cancellationToken).ConfigureAwait(false);
        if (version > migrations.Count)
        {
            throw new InvalidOperationException(
                $"The state database {where} has schema version {version}, newer than this bot knows ({migrations.Count}): it was written by a newer "
                + "SummitBot. Run that version, or point the bot at another database (State:Path, ConnectionStrings:State).");
        }

        for (var next = version; next < migrations.Count; next++)
        {
            await using var migrate = connection.Command(transaction, migrations[next]);
            await migrate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await using var record = connection.Command(transaction, "INSERT INTO schema_version (version) VALUES (@version)").With("@version", next + 1);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Tables(string generatedKey, string time) => $"""
        CREATE TABLE conversations (
            channel_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            last_active {time} NOT NULL,
            bytes BIGINT NOT NULL,
            PRIMARY KEY (channel_id, conversation_id)
        );
        CREATE INDEX conversations_by_activity ON conversations (last_active);
        CREATE TABLE conversation_turns (
            id {generatedKey},
            channel_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            at {time} NOT NULL,
            FOREIGN KEY (channel_id, conversation_id) REFERENCES conversations (channel_id, conversation_id) ON DELETE CASCADE
        );
        CREATE INDEX conversation_turns_by_conversation ON conversation_turns (channel_id, conversation_id, id);
        CREATE INDEX conversation_turns_by_age ON conversation_turns (at);
        CREATE TABLE feedback (
            id {generatedKey},
            channel_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            rated_message_id TEXT,
            reaction TEXT NOT NULL,
            text TEXT,
            user_id TEXT,
            received_at {time} NOT NULL
        );
        CREATE INDEX feedback_by_time ON feedback (received_at);
        """;

    private static string SentAnswers(string time) => $"""
        CREATE TABLE sent_answers (
            channel_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            citations TEXT NOT NULL,
            sent_at {time} NOT NULL,
            PRIMARY KEY (channel_id, conversation_id, message_id)
        );
        CREATE INDEX sent_answers_by_time ON sent_answers (sent_at);
        """;

    private static string DirectLine(string time) => $"""
        CREATE TABLE directline_activities (
            conversation_id TEXT NOT NULL,
            number BIGINT NOT NULL,
            activity TEXT NOT NULL,
            at {time} NOT NULL,
            PRIMARY KEY (conversation_id, number)
        );
        CREATE INDEX directline_activities_by_age ON directline_activities (at);
        """;

    private static string AcceptedTurns(string generatedKey, string time) => $"""
        CREATE TABLE accepted_turns (
            id {generatedKey},
            activity TEXT NOT NULL,
            owner TEXT NOT NULL,
            lease_until {time} NOT NULL,
            accepted_at {time} NOT NULL
        );
        CREATE INDEX accepted_turns_by_lease ON accepted_turns (lease_until);
        """;

    /// <summary>
    /// What instances sharing the database need to serve one web chat: the last number each Direct Line conversation
    /// gave out (every instance numbers its activities from it), and the Data Protection key ring its tokens are sealed with.
    /// </summary>
    private static string SharedDirectLine(string generatedKey, string time) => $"""
        CREATE TABLE directline_conversations (
            conversation_id TEXT PRIMARY KEY,
            last_number BIGINT NOT NULL,
            last_active {time} NOT NULL
        );
        CREATE INDEX directline_conversations_by_age ON directline_conversations (last_active);
        CREATE TABLE dataprotection_keys (
            id {generatedKey},
            name TEXT NOT NULL,
            xml TEXT NOT NULL
        );
        """;
}
