using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using SummitBot.Protocol.Connector;

namespace SummitBot.Tests.Protocol.Connector;

public sealed class ConnectorPipelineTests
{
    private static readonly DateTimeOffset Later = DateTimeOffset.UtcNow.AddMinutes(5);

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task TransientStatus_IsRetriedUntilItSucceeds(HttpStatusCode status)
    {
        var (outcome, attempts) = await RunAsync(attempt => attempt <= 6 ? new HttpResponseMessage(status) : new HttpResponseMessage(HttpStatusCode.OK));

        Assert.Equal(7, attempts);
        Assert.Equal(HttpStatusCode.OK, outcome.Result?.StatusCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(HttpStatusCode.NotImplemented)]
    [InlineData(HttpStatusCode.HttpVersionNotSupported)]
    public async Task OtherFailures_AreNotRetried(HttpStatusCode status)
    {
        var (outcome, attempts) = await RunAsync(_ => new HttpResponseMessage(status));

        Assert.Equal(1, attempts);
        Assert.Equal(status, outcome.Result?.StatusCode);
    }

    [Fact]
    public async Task FailuresThatNeverStop_EndAtTheDeadline()
    {
        var (outcome, attempts) = await RunAsync(_ => throw new HttpRequestException("connection refused"), deadline: DateTimeOffset.UtcNow.AddMilliseconds(300));

        Assert.Null(outcome.Result);
        Assert.True(attempts > 1, $"{attempts} attempts");
    }

    [Fact]
    public async Task RetryAfterReachingPastTheDeadline_EndsTheRetriesAtOnce()
    {
        var (outcome, attempts) = await RunAsync(
            _ =>
            {
                var tooMany = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                tooMany.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(10));
                return tooMany;
            });

        Assert.Equal(1, attempts);
        Assert.Equal(HttpStatusCode.TooManyRequests, outcome.Result?.StatusCode);
    }

    [Fact]
    public async Task AnOpenCircuit_DelaysTheReply_ForAsLongAsItSays()
    {
        var logs = new Tests.Support.CapturingLoggerProvider();
        var (outcome, attempts) = await RunAsync(
            attempt => attempt == 1 ? throw new BrokenCircuitException("open", TimeSpan.FromMilliseconds(200)) : new HttpResponseMessage(HttpStatusCode.OK),
            logs: logs);

        Assert.Equal(2, attempts);
        Assert.Equal(HttpStatusCode.OK, outcome.Result?.StatusCode);
        Assert.Contains(logs.Lines, line => line.Message.Contains("BrokenCircuitException", StringComparison.Ordinal) && line.Message.EndsWith("in 00:00:00.2000000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SingleAttempt_IsNotRetried()
    {
        var (_, attempts) = await RunAsync(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), singleAttempt: true);

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task APassedDeadline_MakesNoAttempt()
    {
        var (outcome, attempts) = await RunAsync(_ => new HttpResponseMessage(HttpStatusCode.OK), deadline: DateTimeOffset.UtcNow.AddSeconds(-1));

        Assert.Equal(0, attempts);
        Assert.IsAssignableFrom<OperationCanceledException>(outcome.Exception);
    }

    private static async Task<(Outcome<HttpResponseMessage> Outcome, int Attempts)> RunAsync(
        Func<int, HttpResponseMessage> attempt, DateTimeOffset? deadline = null, bool singleAttempt = false, Tests.Support.CapturingLoggerProvider? logs = null)
    {
        var pipeline = new ConnectorPipeline(
            Options.Create(new ConnectorOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(5) }),
            TimeProvider.System,
            logs?.CreateLogger<ConnectorPipeline>() ?? NullLogger<ConnectorPipeline>.Instance);
        var attempts = 0;
        var outcome = await pipeline.ExecuteAsync(_ => ValueTask.FromResult(attempt(++attempts)), deadline ?? Later, singleAttempt, CancellationToken.None);
        return (outcome, attempts);
    }
}
