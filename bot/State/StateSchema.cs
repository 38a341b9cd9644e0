using Microsoft.Data.Sqlite;

namespace SummitBot.State;

/// <summary>
/// The database's schema as numbered migrations, applied in order inside one transaction each and recorded in
/// `schema_version`. A database whose version is newer than this build knows (written by a newer bot) is refused,
/// never written to: an older bot cannot know what it would break.
/// </summary>
public static class StateSchema
{
    /// <summary>Each entry takes the schema from version i to i + 1. Append only: a shipped migration never changes.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE conversations (
            channel_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            last_active INTEGER NOT NULL,
            bytes INTEGER NOT NULL,
            PRIMARY KEY (channel_id, conversation_id)
        );
        CREATE INDEX conversations_by_activity ON conversations (last_active);
        CREATE TABLE conversation_turns (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            channel_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            at INTEGER NOT NULL,
            FOREIGN KEY (channel_id, conversation_id) REFERENCES conversations (channel_id, conversation_id) ON DELETE CASCADE
        );
        CREATE INDEX conversation_turns_by_conversation ON conversation_turns (channel_id, conversation_id, id);
        CREATE INDEX conversation_turns_by_age ON conversation_turns (at);
        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            channel_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            rated_message_id TEXT,
            reaction TEXT NOT NULL,
            text TEXT,
            user_id TEXT,
            received_at INTEGER NOT NULL
        );
        CREATE INDEX feedback_by_time ON feedback (received_at);
        """,
        """
        CREATE TABLE sent_answers (
            channel_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            message_id TEXT NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            citations TEXT NOT NULL,
            sent_at INTEGER NOT NULL,
            PRIMARY KEY (channel_id, conversation_id, message_id)
        );
        CREATE INDEX sent_answers_by_time ON sent_answers (sent_at);
        """,
    ];

    /// <summary>The version this build writes and reads.</summary>
    public static int Current => Migrations.Length;

    public static async Task MigrateAsync(SqliteConnection connection, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        var version = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (version > Current)
        {
            throw new InvalidOperationException(
                $"The state database {file} has schema version {version}, newer than this bot knows ({Current}): it was written by a newer "
                + "SummitBot. Run that version, or point State:Path at another file.");
        }

        for (var next = version; next < Current; next++)
        {
            await ExecuteAsync(connection, transaction, Migrations[next], cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"INSERT INTO schema_version (version) VALUES ({next + 1})", cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
