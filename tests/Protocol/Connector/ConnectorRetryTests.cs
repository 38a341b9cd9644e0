using System.Net;
using SummitBot.Protocol.Auth;
using SummitBot.Tests.Protocol.Support;

namespace SummitBot.Tests.Protocol.Connector;

/// <summary>Replies survive a Connector's transient failures, and are not retried when retrying cannot help.</summary>
public sealed class ConnectorRetryTests() : BotWithChannelTest(
    settings: ["BotProtocol:Connector:RetryBaseDelay=00:00:00.010", "BotProtocol:Connector:MaxRetryDelay=00:00:00.050"],
    services: services => services.AddSingleton<IOutboundTokenProvider>(new RotatingTokens()))
{
    [Fact]
    public async Task TooManyRequests_IsRetriedAfterTheRetryAfterTheChannelAskedFor()
    {
        Channel.FailNext(HttpStatusCode.TooManyRequests, times: 2, retryAfter: "1");

        await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel));

        await Channel.WaitForMessageAsync();
        Assert.Equal(["typing failed", "message failed", "message ok"], Summary());
        Assert.Contains(Bot.Logs.Lines, line => line.Message.Contains("TooManyRequests", StringComparison.Ordinal) && line.Message.EndsWith("in 00:00:01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServiceUnavailable_IsRetriedUntilItSucceeds()
    {
        Channel.FailNext(HttpStatusCode.ServiceUnavailable, times: 4);

        await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel));

        await Channel.WaitForMessageAsync();
        Assert.Equal(["typing failed", "message failed", "message failed", "message failed", "message ok"], Summary());
    }

    [Fact]
    public async Task TypingIndicator_IsTriedOnce_SoAFailingOneDoesNotHoldUpTheAnswer()
    {
        Channel.FailNext(HttpStatusCode.ServiceUnavailable);

        await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel));

        await Channel.WaitForMessageAsync();
        Assert.Equal(["typing failed", "message ok"], Summary());
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task FailuresRetryingCannotCure_AreNotRetried_AndAreLogged(HttpStatusCode status)
    {
        Channel.FailNext(status, times: 2);

        await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel));

        var logged = await Bot.Logs.WaitForLineAsync(line => line.StartsWith("Reply ", StringComparison.Ordinal));
        Assert.Contains($"after 1 attempts: {(int)status} {status}", logged, StringComparison.Ordinal);
        Assert.Contains("msteams/a:1xyzPersonalConversation", logged, StringComparison.Ordinal);
        Assert.Equal(["typing failed", "message failed"], Summary());
    }

    [Fact]
    public async Task Unauthorized_FetchesAFreshTokenOnce_AndRetriesWithIt()
    {
        Channel.FailNext(HttpStatusCode.Unauthorized);

        await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel));

        await Channel.WaitForMessageAsync();
        Assert.Equal(["typing failed", "typing ok", "message ok"], Summary());
        Assert.Equal(["Bearer token-1", "Bearer token-2", "Bearer token-2"], Channel.Posted.Select(p => p.Authorization));
    }

    [Fact]
    public async Task UnauthorizedTwice_IsNotRetriedAgain()
    {
        Channel.FailNext(HttpStatusCode.Unauthorized, times: 2);

        await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel));

        await Channel.WaitForMessageAsync();
        Assert.Equal(["typing failed", "typing failed", "message ok"], Summary());
    }

    private List<string> Summary() =>
        [.. Channel.Posted.Select(p => $"{p.Activity.Type} {(p.Succeeded ? "ok" : "failed")}")];

    /// <summary>Hands out token-1 until asked to refresh, then token-2, token-3…</summary>
    private sealed class RotatingTokens : IOutboundTokenProvider
    {
        private int generation = 1;

        public Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
        {
            if (forceRefresh)
            {
                Interlocked.Increment(ref generation);
            }

            return Task.FromResult<string?>($"token-{Volatile.Read(ref generation)}");
        }
    }
}
