using SummitBot.Conversations.Feedback;
using SummitBot.Conversations.State;

namespace SummitBot.State;

public static class StateServices
{
    /// <summary>The connection string that puts the state in PostgreSQL, shared by every instance.</summary>
    public const string ConnectionStringName = "State";

    /// <summary>Whether the state is in PostgreSQL, shared with other instances (ConnectionStrings:State is set).</summary>
    public static bool IsShared(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName));

    /// <summary>
    /// The database behind conversation history and feedback: PostgreSQL when ConnectionStrings:State is set, else
    /// the SQLite file at State:Path.
    /// </summary>
    public static IServiceCollection AddState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateOptions>().Bind(configuration.GetSection(StateOptions.Section))
            .PostConfigure<Hosting.DataFolder>((o, data) => o.Path = data.Resolve(o.Path))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (IsShared(configuration))
        {
            var postgres = configuration.GetConnectionString(ConnectionStringName)!;
            services.AddSingleton<IStateDatabase>(_ => new PostgresState(postgres));
        }
        else
        {
            services.AddSingleton<IStateDatabase, SqliteState>();
        }

        services.AddStores();
        services.AddSingleton<AcceptedTurns>();
        services.AddSingleton<StateSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<StateSweeper>());
        return services;
    }

    /// <summary>
    /// A SQLite database of its own in a new temporary folder, deleted with the host: the conversations an in-process
    /// eval holds with the bot, which must never reach the bot's own state (nor a shared PostgreSQL).
    /// </summary>
    public static IServiceCollection AddScratchState(this IServiceCollection services)
    {
        services.AddSingleton<ScratchFolder>();
        services.AddOptions<StateOptions>().Configure<ScratchFolder>((o, folder) => o.Path = Path.Combine(folder.Path, "state.db"));
        services.AddSingleton<IStateDatabase, SqliteState>();
        return services.AddStores();
    }

    private static IServiceCollection AddStores(this IServiceCollection services)
    {
        services.AddSingleton<IConversationStore, DatabaseConversationStore>();
        services.AddSingleton<IFeedbackStore, DatabaseFeedbackStore>();
        return services;
    }
}
