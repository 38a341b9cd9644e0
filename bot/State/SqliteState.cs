using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace SummitBot.State;

/// <summary>
/// The bot's SQLite database: one file, in WAL mode so readers never wait for the writer, its schema created and
/// migrated by <see cref="StateSchema"/> before the first connection is handed out.
/// </summary>
public sealed class SqliteState
{
    private readonly string connectionString;
    private readonly Lazy<Task> migrated;

    public SqliteState(IOptions<StateOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        File = System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath);
        connectionString = new SqliteConnectionStringBuilder { DataSource = File, Pooling = true, DefaultTimeout = 30 }.ToString();
        migrated = new Lazy<Task>(() => MigrateAsync(CancellationToken.None));
    }

    /// <summary>The database file's full path.</summary>
    public string File { get; }

    /// <summary>An open connection, the schema migrated; the caller disposes it (it returns to the pool).</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await migrated.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await ConnectAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates or migrates the schema now, so a bad file stops the bot at start rather than at the first question.</summary>
    public Task EnsureReadyAsync(CancellationToken cancellationToken) => migrated.Value.WaitAsync(cancellationToken);

    private async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();
            // Per connection: wait for a writer rather than fail, and enforce the schema's foreign keys.
            pragmas.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(File)!);
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await StateSchema.MigrateAsync(connection, File, cancellationToken).ConfigureAwait(false);
    }
}
