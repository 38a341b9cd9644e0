using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace SummitBot.Protocol.Connector;

/// <summary>Which Connector failures are worth another attempt, and how long the Connector asked the bot to wait.</summary>
public static class TransientFailures
{
    /// <summary>408, 412, 429 and 5xx except 501 and 505 (those will not change on retry); other 4xx are the bot's fault.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.PreconditionFailed or HttpStatusCode.TooManyRequests
        || ((int)status >= 500 && status is not HttpStatusCode.NotImplemented and not HttpStatusCode.HttpVersionNotSupported);

    /// <summary>
    /// A transient status, a network error, an attempt that ran out of time, or one the bot held back itself
    /// (the destination's circuit is open, or its concurrency or rate limit is reached).
    /// </summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        CountsAgainstCircuit(outcome)
        || outcome.Exception is BrokenCircuitException or RateLimiterRejectedException
        || outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests };

    /// <summary>
    /// Failures that say the destination is unwell. A 429 is the Connector pacing the bot, answered by waiting
    /// out its Retry-After; counting it would open the circuit on a healthy Connector that is busy.
    /// </summary>
    public static bool CountsAgainstCircuit(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || (outcome.Result is { StatusCode: not HttpStatusCode.TooManyRequests } response && IsTransient(response.StatusCode));

    /// <returns>How long the outcome asks the caller to wait (a Retry-After, or the time until a circuit may close), or null when it does not say.</returns>
    public static TimeSpan? RetryAfter(Outcome<HttpResponseMessage> outcome, TimeProvider time) => outcome.Exception switch
    {
        BrokenCircuitException broken => broken.RetryAfter,
        RateLimiterRejectedException limited => limited.RetryAfter,
        _ => RetryAfter(outcome.Result, time),
    };

    /// <returns>How long the response asks the caller to wait, or null when it does not say.</returns>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
