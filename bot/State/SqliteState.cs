using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace SummitBot.State;

/// <summary>
/// The default state database: one SQLite file, in WAL mode so readers never wait for the writer, its schema
/// created and migrated before the first connection is handed out. Needs nothing installed; one instance only.
/// </summary>
public sealed class SqliteState : IStateDatabase
{
    private readonly string connectionString;
    private readonly Lazy<Task> migrated;

    public SqliteState(IOptions<StateOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        File = Path.GetFullPath(options.Value.Path, environment.ContentRootPath);
        connectionString = new SqliteConnectionStringBuilder { DataSource = File, Pooling = true, DefaultTimeout = 30 }.ToString();
        migrated = new Lazy<Task>(() => MigrateAsync(CancellationToken.None));
    }

    /// <summary>The database file's full path.</summary>
    public string File { get; }

    public string Describe => File;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await migrated.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await ConnectAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task EnsureReadyAsync(CancellationToken cancellationToken) => migrated.Value.WaitAsync(cancellationToken);

    private async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Per connection: wait for a writer rather than fail, and enforce the schema's foreign keys.
            await using var pragmas = connection.Command(null, "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;");
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
        Directory.CreateDirectory(Path.GetDirectoryName(File)!);
        await using var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using (var wal = connection.Command(null, "PRAGMA journal_mode = WAL;"))
        {
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await StateSchema.MigrateAsync(connection, StateSchema.Sqlite, File, lockSql: null, cancellationToken).ConfigureAwait(false);
    }
}
