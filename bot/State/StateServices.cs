using SummitBot.Conversations.Feedback;
using SummitBot.Conversations.State;

namespace SummitBot.State;

public static class StateServices
{
    /// <summary>The connection string that puts the state in PostgreSQL, shared by every instance.</summary>
    public const string ConnectionStringName = "State";

    /// <summary>
    /// The database behind conversation history and feedback: PostgreSQL when ConnectionStrings:State is set, else
    /// the SQLite file at State:Path.
    /// </summary>
    public static IServiceCollection AddState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateOptions>().Bind(configuration.GetSection(StateOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var postgres = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(postgres))
        {
            services.AddSingleton<IStateDatabase, SqliteState>();
        }
        else
        {
            services.AddSingleton<IStateDatabase>(_ => new PostgresState(postgres));
        }

        services.AddSingleton<IConversationStore, DatabaseConversationStore>();
        services.AddSingleton<IFeedbackStore, DatabaseFeedbackStore>();
        services.AddSingleton<AcceptedTurns>();
        services.AddSingleton<StateSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<StateSweeper>());
        return services;
    }
}
