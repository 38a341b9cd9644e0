using System.ComponentModel.DataAnnotations;

namespace SummitBot.Protocol.Connector;

/// <summary>How replies are sent to a channel's Connector ("BotProtocol:Connector" in appsettings.json).</summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "BotProtocol:Connector";

    /// <summary>Each attempt is cancelled after this long and counts as a transient failure. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt, on 408, 412, 429, 5xx (but 501, 505), timeouts and network errors. Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry waits about this long, with jitter, doubling each time. Default 0.5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>No computed backoff waits longer than this. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A Retry-After the Connector asks for is waited out up to this long; a longer one ends the retries,
    /// because retrying sooner than asked would only be refused again. Default 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The circuit opens when this share of attempts fail within <see cref="CircuitSamplingDuration"/>. Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed in the sampling window before the circuit may open. Default 10.</summary>
    [Range(2, 10_000)]
    public int CircuitMinimumThroughput { get; set; } = 10;

    /// <summary>Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.501", "01:00:00")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>While open, replies fail at once instead of piling onto a failing Connector. Default 15 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.501", "01:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
