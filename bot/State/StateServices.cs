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

        services.AddSingleton<IConversationStore, DatabaseConversationStore>();
        services.AddSingleton<IFeedbackStore, DatabaseFeedbackStore>();
        services.AddSingleton<AcceptedTurns>();
        services.AddSingleton<StateSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<StateSweeper>());
        return services;
    }
}
