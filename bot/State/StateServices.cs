using SummitBot.Conversations.Feedback;
using SummitBot.Conversations.State;

namespace SummitBot.State;

public static class StateServices
{
    /// <summary>The SQLite database behind conversation history and feedback; registered before the conversations', so it wins.</summary>
    public static IServiceCollection AddState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StateOptions>().Bind(configuration.GetSection(StateOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqliteState>();
        services.AddSingleton<IConversationStore, SqliteConversationStore>();
        services.AddSingleton<IFeedbackStore, SqliteFeedbackStore>();
        services.AddSingleton<StateSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<StateSweeper>());
        return services;
    }
}
