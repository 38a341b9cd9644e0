using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SummitBot.Health;

/// <summary>
/// ASP.NET Core health checks as Kubernetes-style probes: /healthz says the process is alive (it runs no check, so a
/// slow database never gets a live bot restarted), /readyz whether it can answer: the articles' index open, the
/// state database reachable, and the chat model answering when one is configured (a failing model is Degraded, not
/// unready: the bot falls back to the articles' own sentences). Both answer JSON listing each check.
/// </summary>
public static class HealthServices
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";

    private const string Ready = "ready";

    /// <summary>A check that takes longer counts as failed: the probe must answer well within its own timeout.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddSummitBotHealth(this IServiceCollection services, bool chatModelConfigured)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<IndexHealthCheck>("index", tags: [Ready], timeout: CheckTimeout)
            .AddCheck<StateHealthCheck>("state", tags: [Ready], timeout: CheckTimeout);
        if (chatModelConfigured)
        {
            checks.AddCheck<ChatModelHealthCheck>("chatModel", failureStatus: HealthStatus.Degraded, tags: [Ready], timeout: CheckTimeout);
        }

        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthJson.WriteAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = HealthJson.WriteAsync });
        return app;
    }
}
