using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using SummitBot.Answering;
using SummitBot.Answering.Model;
using SummitBot.Retrieval;

namespace SummitBot.Hosting;

/// <summary>What every entry point shares: the knowledge base (corpus, index, retriever) and the answer step.</summary>
public static class CoreServices
{
    public static IServiceCollection AddSummitBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection(RetrievalOptions.Section))
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

    /// <summary>
    /// The chat-model answer step when ChatModel:Model is set, else the extractive one: the one answer path
    /// either way, with the extractive step as the chat step's fallback.
    /// </summary>
    private static void AddChatModel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ChatModelOptions.Section);
        services.AddOptions<ChatModelOptions>().Bind(section)
            .ValidateDataAnnotations()
            .Validate(
                o => !o.IsConfigured || o.Endpoint is not null || !string.IsNullOrWhiteSpace(o.ApiKey),
                "ChatModel:ApiKey is needed for OpenAI's own endpoint: set it in the environment (ChatModel__ApiKey), or set ChatModel:Endpoint to a server that takes none.")
            .Validate<IHostEnvironment>(
                (o, environment) => !o.IsConfigured || File.Exists(Path.Combine(environment.ContentRootPath, o.PromptPath)),
                "ChatModel:PromptPath names no file.")
            .ValidateOnStart();
        if (!section.Get<ChatModelOptions>()?.IsConfigured ?? true)
        {
            services.AddSingleton<IAnswerStep>(sp => sp.GetRequiredService<ExtractiveAnswerStep>());
            return;
        }

        services.AddHttpClient(ChatModelHttpClient, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<ChatModelPipeline>();
        services.AddSingleton(sp => PromptTemplate.Load(Path.Combine(
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath, sp.GetRequiredService<IOptions<ChatModelOptions>>().Value.PromptPath)));
        services.AddSingleton<IChatClient>(sp => new OpenAIChatClient(
            sp.GetRequiredService<IOptions<ChatModelOptions>>().Value, sp.GetRequiredService<IHttpClientFactory>().CreateClient(ChatModelHttpClient)));
        services.AddSingleton<IAnswerStep, ChatAnswerStep>();
    }

    private const string ChatModelHttpClient = "ChatModel";
}
