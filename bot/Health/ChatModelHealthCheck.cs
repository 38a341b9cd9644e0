using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SummitBot.Health;

/// <summary>
/// What the last calls to the chat model did, as the answer step saw them. Told rather than probed: a probe would
/// spend tokens every few seconds, and the answer step already knows whether the model answers.
/// </summary>
public sealed class ChatModelStatus(TimeProvider time)
{
    private readonly Lock gate = new();
    private (DateTimeOffset At, string What)? lastFailure;

    public void Answered()
    {
        lock (gate)
        {
            lastFailure = null;
        }
    }

    public void Failed(string what)
    {
        lock (gate)
        {
            lastFailure = (time.GetUtcNow(), what);
        }
    }

    /// <returns>The last call's failure, or null when the last call answered (or none was made yet).</returns>
    public (DateTimeOffset At, string What)? LastFailure
    {
        get
        {
            lock (gate)
            {
                return lastFailure;
            }
        }
    }
}

/// <summary>Degraded while the model's last call failed: the bot still answers, from the articles' own sentences.</summary>
internal sealed class ChatModelHealthCheck(ChatModelStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.LastFailure is var (at, what)
            ? HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture, $"The chat model's last call failed at {at:u} ({what}); answering from the articles' own sentences."))
            : HealthCheckResult.Healthy("The chat model answered its last call (or has not been called yet)."));
}
