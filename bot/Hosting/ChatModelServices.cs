using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Polly;
using SummitBot.Answering;
using SummitBot.Answering.Model;

namespace SummitBot.Hosting;

/// <summary>
/// The chat-model answer step when ChatModel:Provider is set: a Semantic Kernel <see cref="Kernel"/> whose chat
/// completion service is the configured provider's connector, over an HTTP client with retries, and the prompt
/// function from prompts/. With no provider, the extractive step is the answer step.
/// </summary>
internal static class ChatModelServices
{
    private const string HttpClientName = "ChatModel";

    /// <summary>Whether ChatModel: names a provider, so answers come from a chat model (else from the extractive step).</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        configuration.GetSection(ChatModelOptions.Section).Get<ChatModelOptions>()?.IsConfigured ?? false;

    public static IServiceCollection AddChatModel(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ChatModelOptions.Section);
        services.AddOptions<ChatModelOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ChatModelOptions>, ChatModelOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Health.ChatModelStatus>();
        if (!IsConfigured(configuration))
        {
            services.AddSingleton<IAnswerStep>(sp => sp.GetRequiredService<ExtractiveAnswerStep>());
            return services;
        }

        // The connectors' own retries are off when they are given an HttpClient; these are the only ones. The
        // whole answer's budget (ChatModel:TotalTimeout) is the answer step's, since it also bounds a stream.
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("chat-model", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<ChatModelOptions>>().Value;
                var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChatModelServices).FullName!);
                if (options.MaxRetryAttempts > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetryAttempts,
                        Delay = options.RetryBaseDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        ShouldRetryAfterHeader = true,
                        OnRetry = args =>
                        {
                            logger.LogWarning("Chat model call failed ({Failure}); retry {Attempt} in {Delay}", ChatModelFailure.Describe(args.Outcome), args.AttemptNumber + 1, args.RetryDelay);
                            return ValueTask.CompletedTask;
                        },
                    });
                }

                pipeline.AddTimeout(options.AttemptTimeout);
            });

        services.AddKernel();
        services.AddSingleton<IChatCompletionService>(CreateChatCompletion);
        services.AddSingleton<IPromptTemplateFactory, HandlebarsPromptTemplateFactory>();
        services.AddSingleton(sp => KernelFunctionFactory.CreateFromPrompt(
            PromptFile.Load(Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, sp.GetRequiredService<IOptions<ChatModelOptions>>().Value.PromptPath)),
            sp.GetRequiredService<IPromptTemplateFactory>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<ChatAnswerStep>();
        services.AddSingleton<IAnswerStep>(sp => sp.GetRequiredService<ChatAnswerStep>());
        return services;
    }

    private static IChatCompletionService CreateChatCompletion(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ChatModelOptions>>().Value;
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        var logs = services.GetRequiredService<ILoggerFactory>();
        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey;
        return options.Provider switch
        {
            ChatModelProvider.OpenAI => new OpenAIChatCompletionService(options.Model!, key!, httpClient: http, loggerFactory: logs),
            // Semantic Kernel marks its constructor for other endpoints experimental (SKEXP0010); it is the one it has.
#pragma warning disable SKEXP0010
            ChatModelProvider.OpenAICompatible => new OpenAIChatCompletionService(options.Model!, options.Endpoint!, key, httpClient: http, loggerFactory: logs),
#pragma warning restore SKEXP0010
            ChatModelProvider.AzureOpenAI when key is not null =>
                new AzureOpenAIChatCompletionService(options.Deployment!, options.Endpoint!.ToString(), key, options.Model, http, logs),
            // No key: Microsoft Entra ID. A TokenCredential in the container wins (tests give a fake one); otherwise
            // DefaultAzureCredential finds a managed identity, environment credentials or a developer's sign-in.
            ChatModelProvider.AzureOpenAI =>
                new AzureOpenAIChatCompletionService(options.Deployment!, options.Endpoint!.ToString(), services.GetService<TokenCredential>() ?? new DefaultAzureCredential(), options.Model, http, logs),
            _ => throw new InvalidOperationException($"ChatModel:Provider {options.Provider} has no chat completion service."),
        };
    }
}
