using System.Net;
using SummitBot.Protocol.Auth;
using SummitBot.Tests.Protocol.Support;

namespace SummitBot.Tests.Protocol.Connector;

/// <summary>Replies survive a Connector's transient failures, and are not retried when retrying cannot help.</summary>
public sealed class ConnectorRetryTests : IAsyncLifetime
{
    private readonly RecordingAnswerStep answers = new();
    private readonly RotatingTokens tokens = new();
    private FakeChannel channel = null!;
    private BotHost bot = null!;

    public async Task InitializeAsync()
    {
        channel = await FakeChannel.StartAsync();
        bot = await BotHost.StartAsync(
            answers,
            ["BotProtocol:Connector:RetryBaseDelay=00:00:00.010", "BotProtocol:Connector:MaxRetryDelay=00:00:00.050"],
            services => services.AddSingleton<IOutboundTokenProvider>(tokens));
    }

    public async Task DisposeAsync()
    {
        await bot.DisposeAsync();
        await channel.DisposeAsync();
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedAfterTheRetryAfterTheChannelAskedFor()
    {
        channel.FailNext(HttpStatusCode.TooManyRequests, retryAfter: "1");

        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));

        await channel.WaitForMessageAsync();
        Assert.Equal(["typing failed", "typing ok", "message ok"], Summary());
        Assert.Contains(bot.Logs.Lines, line => line.Contains("TooManyRequests", StringComparison.Ordinal) && line.EndsWith("in 00:00:01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServiceUnavailable_IsRetriedUntilItSucceeds()
    {
        channel.FailNext(HttpStatusCode.ServiceUnavailable, times: 3);

        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));

        await channel.WaitForMessageAsync();
        Assert.Equal(["typing failed", "typing failed", "typing failed", "typing ok", "message ok"], Summary());
    }

    [Fact]
    public async Task AnswerThatKeepsFailing_IsGivenUpAfterTheConfiguredRetries()
    {
        channel.FailNext(HttpStatusCode.BadGateway, times: 8);

        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));

        // 1 + 3 attempts for the typing indicator, 1 + 3 for the answer, then nothing more.
        await channel.WaitForAsync(_ => true, count: 8);
        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel).With("id", "second"));
        await channel.WaitForMessageAsync();
        Assert.Equal(8, channel.Posted.Count(p => !p.Succeeded));
        Assert.Contains(bot.Logs.Lines, line => line.StartsWith("Could not deliver a reply", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task FailuresRetryingCannotCure_AreNotRetried(HttpStatusCode status)
    {
        channel.FailNext(status);

        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));

        await channel.WaitForMessageAsync();
        Assert.Equal(["typing failed", "message ok"], Summary());
    }

    [Fact]
    public async Task Unauthorized_FetchesAFreshTokenOnce_AndRetriesWithIt()
    {
        channel.FailNext(HttpStatusCode.Unauthorized);

        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));

        await channel.WaitForMessageAsync();
        Assert.Equal(["typing failed", "typing ok", "message ok"], Summary());
        Assert.Equal(["Bearer token-1", "Bearer token-2", "Bearer token-2"], channel.Posted.Select(p => p.Authorization));
    }

    [Fact]
    public async Task UnauthorizedTwice_IsNotRetriedAgain()
    {
        channel.FailNext(HttpStatusCode.Unauthorized, times: 2);

        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));

        await channel.WaitForMessageAsync();
        Assert.Equal(["typing failed", "typing failed", "message ok"], Summary());
    }

    private List<string> Summary() =>
        [.. channel.Posted.Select(p => $"{p.Activity.Type} {(p.Succeeded ? "ok" : "failed")}")];

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
