using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SummitBot.Conversations;

public static class ConversationServices
{
    /// <summary>Turn handling; its stores (conversation history, feedback) are the state database's (State/StateServices.cs).</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConversationOptions>()
            .Bind(configuration.GetSection(ConversationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISourceCatalog, CorpusSourceCatalog>();
        services.TryAddSingleton<TurnHandler>();
        services.TryAddSingleton<Feedback.SentAnswers>();
        return services;
    }
}
