using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace SummitBot.Protocol.Connector;

/// <summary>
/// What each Connector destination (a serviceUrl's scheme, host and port) gets of its own, inside the
/// Connector's HttpClient: a rate limit, a concurrency limit, a circuit breaker and the per-attempt timeout.
/// Microsoft.Extensions.Http.Resilience keeps one such pipeline per authority, so an open circuit or a full
/// limit at one Connector never holds back another. Retrying is not done here but around the whole send, by
/// <see cref="ConnectorPipeline"/>, so each attempt builds a fresh request and the delivery deadline governs.
/// </summary>
public static class ConnectorDestinations
{
    public const string PipelineName = "connector-destination";

    public static IHttpClientBuilder AddConnectorDestinations(this IHttpClientBuilder client)
    {
        client.AddResilienceHandler(PipelineName, static (builder, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
                var logger = context.ServiceProvider.GetRequiredService<ILogger<ConnectorPipeline>>();
                var rate = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.MaxRequestsPerSecondPerDestination,
                    TokensPerPeriod = settings.MaxRequestsPerSecondPerDestination,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = settings.MaxPendingReplies,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    AutoReplenishment = true,
                });
                context.OnPipelineDisposed(rate.Dispose);
                Configure(builder, settings, rate, context.InstanceName, logger);
            })
            .SelectPipelineByAuthority();
        return client;
    }

    /// <summary>Outermost first: wait for the rate, then for a free slot, then pass the circuit, then one timed attempt.</summary>
    internal static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorOptions settings, RateLimiter rate, string destination, ILogger logger)
    {
        builder
            .AddRateLimiter(rate)
            .AddConcurrencyLimiter(settings.MaxConcurrentRequestsPerDestination, settings.MaxPendingReplies)
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(TransientFailures.CountsAgainstCircuit(args.Outcome)),
                FailureRatio = settings.CircuitFailureRatio,
                MinimumThroughput = settings.CircuitMinimumThroughput,
                SamplingDuration = settings.CircuitSamplingDuration,
                BreakDuration = settings.CircuitBreakDuration,
                OnOpened = args =>
                {
                    logger.LogError("Connector circuit for {Destination} opened for {Duration}: its replies wait until then", destination, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("Connector circuit for {Destination} closed", destination);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(settings.AttemptTimeout);
    }
}
