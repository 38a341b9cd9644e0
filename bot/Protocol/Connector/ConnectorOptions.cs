using System.ComponentModel.DataAnnotations;

namespace SummitBot.Protocol.Connector;

/// <summary>
/// How replies reach a channel's Connector ("BotProtocol:Connector" in appsettings.json). A destination is a
/// serviceUrl's scheme, host and port: its circuit, concurrency and rate are its own, so a dead or slow
/// Connector only holds back the conversations it serves.
/// </summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "BotProtocol:Connector";

    /// <summary>
    /// A reply is retried until it is delivered or this long has passed since its turn was accepted; then it
    /// is logged as undelivered. Default 5 minutes: long enough to ride out a Connector's restart or a circuit
    /// break, short enough that a late answer still belongs to the conversation.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DeliveryDeadline { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Each attempt is cancelled after this long and counts as a transient failure. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first retry waits about this long, with jitter, doubling each time. Default 0.5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>No computed backoff waits longer than this; a Connector's own Retry-After is waited out in full. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Replies accepted for delivery but not yet being sent; a turn with a reply beyond this waits for room,
    /// so a backlog reaches the channel as 503s instead of growing memory. Default 1024.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxPendingReplies { get; set; } = 1024;

    /// <summary>Requests in flight to one destination at once; more wait their turn. Default 32.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentRequestsPerDestination { get; set; } = 32;

    /// <summary>Requests started per second to one destination; more wait their turn. Default 50 (Teams allows about 50 per second per bot).</summary>
    [Range(1, 10_000)]
    public int MaxRequestsPerSecondPerDestination { get; set; } = 50;

    /// <summary>
    /// A destination's circuit opens when this share of its attempts fail within <see cref="CircuitSamplingDuration"/>;
    /// 429s do not count, since they are the Connector pacing the bot, not failing. Default 0.8: only a Connector
    /// that fails nearly everything is treated as down; one that fails some attempts but answers the retries is
    /// slow, not down, and breaking its circuit would only delay its replies further.
    /// </summary>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.8;

    /// <summary>
    /// Attempts needed in the sampling window before a circuit may open. Default 100: a few conversations'
    /// retries, already spaced out by backoff, are no burden on a Connector; the circuit is for a failing
    /// Connector that many replies are waiting on.
    /// </summary>
    [Range(2, 10_000)]
    public int CircuitMinimumThroughput { get; set; } = 100;

    /// <summary>Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.501", "01:00:00")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>While a destination's circuit is open its replies wait instead of piling onto it. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.501", "01:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
