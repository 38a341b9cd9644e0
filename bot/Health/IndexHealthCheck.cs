using Microsoft.Extensions.Diagnostics.HealthChecks;
using SummitBot.Hosting;

namespace SummitBot.Health;

/// <summary>Ready once the articles' index is open; unready, saying why, while it is being built or after it failed to open.</summary>
internal sealed class IndexHealthCheck(KnowledgeBase knowledge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(knowledge.Opened switch
        {
            { } engine => HealthCheckResult.Healthy($"{engine.Corpus.Articles.Count} articles, {engine.Index.PassageCount} passages"),
            null when knowledge.Problem is { } problem => HealthCheckResult.Unhealthy("The index could not be opened: " + problem),
            null => HealthCheckResult.Unhealthy("The index is being opened (built, when the articles changed)."),
        });
}
