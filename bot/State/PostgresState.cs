using System.Data.Common;
using Npgsql;

namespace SummitBot.State;

/// <summary>
/// The state database when ConnectionStrings:State is set: PostgreSQL through Npgsql's pooled data source, shared
/// by every instance of the bot. Instances starting together migrate the schema one at a time (an advisory lock).
/// </summary>
public sealed class PostgresState : IStateDatabase, IAsyncDisposable
{
    /// <summary>Any fixed number: the advisory lock that serialises migrations between instances.</summary>
    private const long MigrationLock = 0x5355_4D4D_4954;

    private readonly NpgsqlDataSource source;
    private readonly string listening;
    private readonly Lazy<Task> migrated;

    public PostgresState(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        source = NpgsqlDataSource.Create(connectionString);
        var parsed = new NpgsqlConnectionStringBuilder(connectionString);
        // Its own connection, outside the pool (which would reset it), with keepalives so a dead server is noticed.
        listening = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 15 }.ToString();
        Describe = $"PostgreSQL database {parsed.Database} on {parsed.Host}:{parsed.Port}";
        migrated = new Lazy<Task>(() => MigrateAsync(CancellationToken.None));
    }

    public string Describe { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await migrated.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task EnsureReadyAsync(CancellationToken cancellationToken) => migrated.Value.WaitAsync(cancellationToken);

    /// <summary>A connection of its own that LISTENs on <paramref name="channel"/>; the caller waits on it and disposes it.</summary>
    public async Task<NpgsqlConnection> ListenAsync(string channel, Action<string> heard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heard);
        await migrated.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var connection = new NpgsqlConnection(listening);
        try
        {
            connection.Notification += (_, notice) => heard(notice.Payload);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var listen = new NpgsqlCommand($"LISTEN {channel}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await StateSchema.MigrateAsync(connection, StateSchema.Postgres, Describe, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken).ConfigureAwait(false);
    }
}
