using Microsoft.Extensions.DependencyInjection.Extensions;
using SummitBot.Answering;
using SummitBot.Retrieval;

namespace SummitBot.Hosting;

/// <summary>What every entry point shares: the knowledge base (corpus, index, retriever) and the answer step.</summary>
public static class CoreServices
{
    public static IServiceCollection AddSummitBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.TryAddSingleton<Telemetry.BotMetrics>();
        services.TryAddSingleton(provider => DataFolder.Choose(configuration[DataFolder.Key], provider.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection(RetrievalOptions.Section))
            .PostConfigure<DataFolder>((o, data) => o.IndexPath = data.Resolve(o.IndexPath))
            .ValidateDataAnnotations()
            .Validate(o => o.Passages.Overlap < o.Passages.Sentences, "Retrieval:Passages:Overlap must be smaller than Retrieval:Passages:Sentences.")
            .ValidateOnStart();
        services.AddOptions<AnswerOptions>().Bind(configuration.GetSection(AnswerOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<KnowledgeBase>();
        services.AddSingleton<ExtractiveAnswerStep>();
        services.AddChatModel(configuration);
        return services;
    }
}
