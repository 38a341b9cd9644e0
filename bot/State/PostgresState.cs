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
    private readonly Lazy<Task> migrated;

    public PostgresState(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        source = NpgsqlDataSource.Create(connectionString);
        var parsed = new NpgsqlConnectionStringBuilder(connectionString);
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

    public ValueTask DisposeAsync() => source.DisposeAsync();

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await StateSchema.MigrateAsync(connection, StateSchema.Postgres, Describe, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken).ConfigureAwait(false);
    }
}
