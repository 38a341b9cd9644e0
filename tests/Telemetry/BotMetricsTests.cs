using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
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
        using var measured = new Measurements(bot);
        channel.FailNext(HttpStatusCode.ServiceUnavailable, times: 2);   // the typing indicator (never retried), then the answer's first attempt

        await bot.PostActivityAsync(Fixtures.Load("webchat-message", channel));
        await channel.WaitForMessageAsync();

        Assert.True(measured.Sum("summitbot.connector.retries") >= 1);
    }

    [Fact]
    public async Task ARequestRefusedByARateLimit_IsCounted_WithTheLimitsName()
    {
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep(), [DirectLineClient.SecretSetting, "DirectLine:TokensPerMinutePerAddress=1"]);
        using var measured = new Measurements(bot);
        var client = new DirectLineClient(bot.Client);

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineClient.Secret);
        }

        Assert.Equal(2, measured.Sum("summitbot.rate_limited", ("limit", "tokens")));
    }

    [Fact]
    public async Task TheTurnQueuesDepth_IsObserved()
    {
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep());
        using var measured = new Measurements(bot);

        measured.Observe();

        Assert.Equal(0, measured.Sum("summitbot.turns.queued"));
        Assert.Contains("summitbot.turns.queued", measured.Seen);
    }

    /// <summary>Everything the bot's meters record from now on.</summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> recorded = new();

        public Measurements(BotHost bot)
        {
            var factory = bot.Services.GetRequiredService<IMeterFactory>();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == BotTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => recorded.Enqueue((instrument.Name, value, tags.ToArray())));
            listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => recorded.Enqueue((instrument.Name, value, tags.ToArray())));
            listener.Start();
        }

        public IReadOnlySet<string> Seen => recorded.Select(r => r.Instrument).ToHashSet();

        public void Observe() => listener.RecordObservableInstruments();

        public long Sum(string instrument, params (string Key, string Value)[] tags) =>
            recorded.Where(r => r.Instrument == instrument && tags.All(t => r.Tags.Any(k => k.Key == t.Key && Equals(k.Value, t.Value)))).Sum(r => r.Value);

        public void Dispose() => listener.Dispose();
    }
}
