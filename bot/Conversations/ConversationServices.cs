using Microsoft.Extensions.DependencyInjection.Extensions;
using SummitBot.Conversations.Feedback;
using SummitBot.Conversations.State;

namespace SummitBot.Conversations;

public static class ConversationServices
{
    /// <summary>Turn handling and its in-memory stores; a registration made earlier (a database store) wins.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConversationOptions>()
            .Bind(configuration.GetSection(ConversationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationStore, InMemoryConversationStore>();
        services.TryAddSingleton<IFeedbackStore, InMemoryFeedbackStore>();
        services.TryAddSingleton<ISourceCatalog, CorpusSourceCatalog>();
        services.TryAddSingleton<TurnHandler>();
        return services;
    }
}
