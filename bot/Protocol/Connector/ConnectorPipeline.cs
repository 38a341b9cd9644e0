using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace SummitBot.Protocol.Connector;

/// <summary>
/// The one resilience pipeline for calls to channels' Connectors, outermost first: jittered exponential
/// retries that honour Retry-After, a circuit breaker, and a timeout per attempt. A singleton, so the breaker
/// sees every reply the bot sends.
/// </summary>
public sealed class ConnectorPipeline
{
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;

    public ConnectorPipeline(IOptions<ConnectorOptions> options, TimeProvider time, ILogger<ConnectorPipeline> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (settings.MaxRetryAttempts > 0)
        {
            // Polly refuses a retry strategy with no retries; zero means leave it out.
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    TransientFailures.IsTransient(args.Outcome)
                    && !(TransientFailures.RetryAfter(args.Outcome.Result, time) > settings.MaxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(TransientFailures.RetryAfter(args.Outcome.Result, time)),
                OnRetry = args =>
                {
                    logger.LogWarning(
                        "Connector call failed ({Failure}); retry {Attempt} in {Delay}",
                        args.Outcome.Result?.StatusCode.ToString() ?? args.Outcome.Exception?.GetType().Name,
                        args.AttemptNumber + 1,
                        args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(TransientFailures.IsTransient(args.Outcome)),
                FailureRatio = settings.CircuitFailureRatio,
                MinimumThroughput = settings.CircuitMinimumThroughput,
                SamplingDuration = settings.CircuitSamplingDuration,
                BreakDuration = settings.CircuitBreakDuration,
                OnOpened = args =>
                {
                    logger.LogError("Connector circuit opened for {Duration}: replies fail fast until then", args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();
    }

    /// <param name="send">Sends one attempt; it must build a fresh request each time, as a request can be sent only once.</param>
    public ValueTask<HttpResponseMessage> ExecuteAsync(Func<CancellationToken, ValueTask<HttpResponseMessage>> send, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(static (send, token) => send(token), send, cancellationToken);
}
