using Microsoft.Extensions.Diagnostics.HealthChecks;
using SummitBot.Health;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Health;

public sealed class ChatModelHealthCheckTests
{
    [Fact]
    public async Task AFailedLastCall_IsDegraded_AndTheNextAnswerMakesItHealthyAgain()
    {
        var status = new ChatModelStatus(new ManualClock());
        var check = new ChatModelHealthCheck(status);
        var context = new HealthCheckContext();

        var before = await check.CheckHealthAsync(context);
        status.Failed("HTTP 503");
        var failed = await check.CheckHealthAsync(context);
        status.Answered();
        var after = await check.CheckHealthAsync(context);

        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.Equal(HealthStatus.Degraded, failed.Status);
        Assert.Contains("HTTP 503", failed.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }
}
