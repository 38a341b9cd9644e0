using System.Data.Common;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SummitBot.State;

namespace SummitBot.Tests.State.Support;

/// <summary>The bot's real SQLite database, until <see cref="Down"/> makes every connection fail as an unreachable server does.</summary>
internal sealed class SwitchableDatabase(IStateDatabase inner) : IStateDatabase
{
    public bool Down { get; set; }

    public string Describe => inner.Describe;

    /// <summary>Puts one in front of the bot's SQLite database; the test reaches it through the services.</summary>
    public static void Install(IServiceCollection services)
    {
        services.RemoveAll<IStateDatabase>();
        services.AddSingleton<SqliteState>();
        services.AddSingleton(provider => new SwitchableDatabase(provider.GetRequiredService<SqliteState>()));
        services.AddSingleton<IStateDatabase>(provider => provider.GetRequiredService<SwitchableDatabase>());
    }

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        Down ? throw new Outage() : inner.OpenAsync(cancellationToken);

    public Task EnsureReadyAsync(CancellationToken cancellationToken) => inner.EnsureReadyAsync(cancellationToken);

    private sealed class Outage() : DbException("the database is down");
}
