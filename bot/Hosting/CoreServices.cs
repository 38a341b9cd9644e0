namespace SummitBot.Hosting;

/// <summary>What every entry point shares: the corpus, the retriever and the answer step.</summary>
public static class CoreServices
{
    public static IServiceCollection AddSummitBotCore(this IServiceCollection services, IConfiguration configuration, string root)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(root);
        // Retrieval and the answer step are registered here (in progress).
        return services;
    }
}
