using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace SummitBot.Protocol.Connector;

/// <summary>
/// Retries a reply's attempts until one succeeds, the failure is one retrying cannot cure, or the reply's
/// delivery deadline passes: jittered exponential backoff, or exactly as long as the Connector (Retry-After)
/// or an open circuit asks. The per-destination limits and the circuit live inside the HttpClient
/// (<see cref="ConnectorDestinations"/>); a held-back attempt is retried like a failed one, so an open
/// circuit delays a reply and never drops it.
/// </summary>
public sealed class ConnectorPipeline
{
    private static readonly ResiliencePropertyKey<DateTimeOffset> DeadlineKey = new("summitbot.delivery-deadline");
    private static readonly ResiliencePropertyKey<bool> SingleAttemptKey = new("summitbot.single-attempt");
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;
    private readonly TimeProvider time;

    public ConnectorPipeline(IOptions<ConnectorOptions> options, TimeProvider time, ILogger<ConnectorPipeline> logger, Telemetry.BotMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        this.time = time;
        pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                // Unbounded in count: the deadline, carried in the context's token, is the bound.
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(TransientFailures.RetryAfter(args.Outcome, time)),
                OnRetry = args =>
                {
                    metrics?.Retried();
                    logger.LogWarning(
                        "Connector call failed ({Failure}); retry {Attempt} in {Delay}",
                        Describe(args.Outcome),
                        args.AttemptNumber + 1,
                        args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <param name="send">Sends one attempt; it must build a fresh request each time, as a request can be sent only once.</param>
    /// <param name="deadline">No attempt starts, and none is waited for, after this.</param>
    /// <param name="singleAttempt">Try once (a typing indicator: cosmetic, and stale by the time a retry could land).</param>
    /// <returns>The last attempt's outcome; an <see cref="OperationCanceledException"/> when the deadline or <paramref name="cancellationToken"/> ended it.</returns>
    public async ValueTask<Outcome<HttpResponseMessage>> ExecuteAsync(
        Func<CancellationToken, ValueTask<HttpResponseMessage>> send, DateTimeOffset deadline, bool singleAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var remaining = deadline - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return Outcome.FromException<HttpResponseMessage>(new OperationCanceledException("The delivery deadline had passed."));
        }

        using var expiry = new CancellationTokenSource(remaining, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(expiry.Token, cancellationToken);
        var context = ResilienceContextPool.Shared.Get(linked.Token);
        context.Properties.Set(DeadlineKey, deadline);
        context.Properties.Set(SingleAttemptKey, singleAttempt);
        try
        {
            return await pipeline.ExecuteOutcomeAsync(
                static async (context, send) =>
                {
                    try
                    {
                        return Outcome.FromResult(await send(context.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<HttpResponseMessage>(ex);
                    }
                },
                context,
                send).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>A status code or an exception's name, for logs.</summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"{(int)response.StatusCode} {response.StatusCode}" : outcome.Exception?.GetType().Name ?? "no outcome";

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (!TransientFailures.IsTransient(outcome) || context.Properties.GetValue(SingleAttemptKey, false))
        {
            return false;
        }

        // A wait that would end past the deadline is not worth starting: the reply is given up now, not later.
        var wait = TransientFailures.RetryAfter(outcome, time) ?? TimeSpan.Zero;
        return time.GetUtcNow() + wait < context.Properties.GetValue(DeadlineKey, DateTimeOffset.MaxValue);
    }
}
