using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SummitBot.Telemetry;
using SummitBot.Tests.DirectLine.Support;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Telemetry;

/// <summary>
/// The bot's own instruments, read from the meters of one bot's meter factory (so the bots other tests run at the
/// same time do not count): Connector retries, requests refused by a rate limit, and the turn queue's depth.
/// </summary>
public sealed class BotMetricsTests
{
    [Fact]
    public async Task AConnectorCallSentAgain_IsCountedAsARetry()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep());
        using var retries = Collector<long>(bot, "summitbot.connector.retries");
        channel.FailNext(HttpStatusCode.ServiceUnavailable, times: 2);   // the typing indicator (never retried), then the answer's first attempt

        await bot.PostActivityAsync(Fixtures.Load("webchat-message", channel));
        await channel.WaitForMessageAsync();

        Assert.True(retries.GetMeasurementSnapshot().Sum(m => m.Value) >= 1);
    }

    [Fact]
    public async Task ARequestRefusedByARateLimit_IsCounted_WithTheLimitsName()
    {
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep(), [DirectLineClient.SecretSetting, "DirectLine:TokensPerMinutePerAddress=1"]);
        using var refused = Collector<long>(bot, "summitbot.rate_limited");
        var client = new DirectLineClient(bot.Client);

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineClient.Secret);
        }

        Assert.Equal(2, refused.GetMeasurementSnapshot().Where(m => m.MatchesTags(new KeyValuePair<string, object?>("limit", "tokens"))).Sum(m => m.Value));
    }

    [Fact]
    public async Task TheTurnQueuesDepth_IsObserved()
    {
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep());
        using var queued = Collector<int>(bot, "summitbot.turns.queued");

        queued.RecordObservableInstruments();

        Assert.Equal(0, Assert.Single(queued.GetMeasurementSnapshot()).Value);
    }

    private static MetricCollector<T> Collector<T>(BotHost bot, string instrument)
        where T : struct =>
        new(bot.Services.GetRequiredService<IMeterFactory>(), BotTelemetry.Name, instrument);
}
