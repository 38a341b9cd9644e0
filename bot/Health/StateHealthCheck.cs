using Microsoft.Extensions.Diagnostics.HealthChecks;
using SummitBot.State;

namespace SummitBot.Health;

/// <summary>Ready while the state database answers a query: without it nothing accepted is kept and no history is read.</summary>
internal sealed class StateHealthCheck(IStateDatabase state) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await state.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var ping = connection.Command(null, "SELECT 1");
            await ping.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(state is PostgresState ? "PostgreSQL reachable" : "SQLite reachable");
        }
        catch (Exception ex) when (StoreOutage.Of(ex) || ex is InvalidOperationException or IOException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The state database cannot be reached.", ex);
        }
    }
}
