using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using SummitBot.Protocol.Connector;

namespace SummitBot.Tests.Protocol.Connector;

public sealed class ConnectorPipelineTests
{
    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task TransientStatus_IsRetriedUpToTheLimit(HttpStatusCode status)
    {
        var attempts = await CountAttemptsAsync(Pipeline(), status);

        Assert.Equal(4, attempts);
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
        var attempts = await CountAttemptsAsync(Pipeline(), status);

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task RetryAfterLongerThanAllowed_EndsTheRetries()
    {
        var attempts = 0;
        using var response = await Pipeline().ExecuteAsync(
            _ =>
            {
                attempts++;
                var tooMany = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                tooMany.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(5));
                return ValueTask.FromResult(tooMany);
            },
            CancellationToken.None);

        Assert.Equal(1, attempts);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
    }

    [Fact]
    public async Task NetworkErrors_AreRetried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<HttpRequestException>(async () => await Pipeline().ExecuteAsync(
            _ =>
            {
                attempts++;
                throw new HttpRequestException("connection refused");
            },
            CancellationToken.None));

        Assert.Equal(4, attempts);
    }

    [Fact]
    public async Task RepeatedFailures_OpenTheCircuit_SoLaterCallsFailWithoutReachingTheConnector()
    {
        var pipeline = Pipeline(new ConnectorOptions { RetryBaseDelay = TimeSpan.Zero, MaxRetryAttempts = 0, CircuitMinimumThroughput = 4 });
        for (var i = 0; i < 4; i++)
        {
            await CountAttemptsAsync(pipeline, HttpStatusCode.ServiceUnavailable);
        }

        var reached = false;
        await Assert.ThrowsAsync<BrokenCircuitException>(async () => await pipeline.ExecuteAsync(
            _ =>
            {
                reached = true;
                return ValueTask.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
            },
            CancellationToken.None));
        Assert.False(reached);
    }

    private static ConnectorPipeline Pipeline(ConnectorOptions? options = null) =>
        new(Options.Create(options ?? new ConnectorOptions { RetryBaseDelay = TimeSpan.Zero }), TimeProvider.System, NullLogger<ConnectorPipeline>.Instance);

    private static async Task<int> CountAttemptsAsync(ConnectorPipeline pipeline, HttpStatusCode status)
    {
        var attempts = 0;
        using var response = await pipeline.ExecuteAsync(
            _ =>
            {
                attempts++;
                return ValueTask.FromResult(new HttpResponseMessage(status));
            },
            CancellationToken.None);
        Assert.Equal(status, response.StatusCode);
        return attempts;
    }
}
