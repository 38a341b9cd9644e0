using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using SummitBot.Evaluation.Targets;
using SummitBot.Conversations;
using SummitBot.Protocol.Auth;
using SummitBot.State;

namespace SummitBot.Evaluation;

public static class EvaluationServices
{
    /// <summary>What <c>eval</c> adds to the core services: its options and the HTTP client for <c>--endpoint</c>.</summary>
    public static IServiceCollection AddEvaluation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EvaluationOptions>()
            .Bind(configuration.GetSection(EvaluationOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.ChannelId), "Evaluation:ChannelId must not be empty.")
            .Validate(o => o.RequestTimeoutSeconds is >= 1 and <= 600, "Evaluation:RequestTimeoutSeconds must be between 1 and 600.")
            .Validate(o => o.DirectLinePollMilliseconds is >= 50 and <= 10_000, "Evaluation:DirectLinePollMilliseconds must be between 50 and 10000.")
            .ValidateOnStart();

        // The per-question timeout comes from the options, so the client's own stays out of the way. A bot or a
        // Direct Line that answers 429 or 503 has not taken the request, and says when to come back (a Direct Line
        // paces the conversations one address may start): eval waits as told and sends it again.
        services.AddHttpClient(EndpointTarget.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("eval-pacing", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable),
                MaxRetryAttempts = 6,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                MaxDelay = TimeSpan.FromMinutes(2),
            }));

        // The bot's identity, read from the same keys the bot reads, for the token eval --endpoint sends.
        services.AddBotCredentials(configuration);

        // In process, the bot's own turn handling, holding its conversations in a database of eval's own.
        services.AddConversations(configuration);
        services.AddScratchState();
        return services;
    }
}
