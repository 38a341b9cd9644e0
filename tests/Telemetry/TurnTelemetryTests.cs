using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SummitBot.Tests.Answering.Model;
using SummitBot.Tests.DirectLine.Support;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Telemetry;

/// <summary>
/// What an operator's collector would receive for one question through /api/messages, read through OpenTelemetry's
/// in-memory exporter: one trace from the request to the Connector reply, and the answers counted by outcome.
/// Other bots run in parallel in this process, so each test finds its own turn by a conversation and a channel of its own.
/// </summary>
public sealed class TurnTelemetryTests
{
    [Fact]
    public async Task AQuestion_IsOneTrace_FromTheRequestThroughRetrievalTheAnswerStepAndTheModelCallToTheReply()
    {
        await using var model = await FakeChatModel.StartAsync();
        model.Replies(prompt => $"{FakeChatModel.Quote(prompt, 1)} [1]");
        await using var run = await TelemetryRun.StartAsync(["ChatModel:Provider=OpenAICompatible", $"ChatModel:Endpoint={model.Endpoint}", "ChatModel:Model=x"]);

        var spans = await run.AskAsync("Where did Lee and Ishiba meet?");

        // The fake channel and model are ASP.NET Core apps too, and continue the trace.
        var request = Assert.Single(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.DisplayName == "POST /api/messages");
        var turn = Assert.Single(spans, s => s.DisplayName == "turn message");
        Assert.Equal(request.SpanId, turn.ParentSpanId);
        var answer = Assert.Single(spans, s => s.DisplayName == "answer");
        Assert.Equal(turn.SpanId, answer.ParentSpanId);
        Assert.Equal("grounded", answer.GetTagItem("summitbot.outcome"));
        Assert.Contains(spans, s => s.DisplayName == "retrieve" && IsUnder(s, answer, spans));
        var modelCall = Assert.Single(spans, s => s.Source.Name.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal) && s.DisplayName.StartsWith("chat", StringComparison.Ordinal));
        Assert.True(IsUnder(modelCall, answer, spans));
        Assert.Contains(spans, s => s.Source.Name == "System.Net.Http" && IsUnder(s, modelCall, spans) && Equals(s.GetTagItem("server.port"), model.Endpoint.Port));
        var reply = Assert.Single(spans, s => s.DisplayName == "reply" && Equals(s.GetTagItem("summitbot.activity_type"), "message"));
        Assert.True(IsUnder(reply, turn, spans));
        Assert.Contains(spans, s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == reply.SpanId && Equals(s.GetTagItem("server.port"), new Uri(run.Channel.Root).Port));
        Assert.Equal(1, run.Answers("grounded"));
        Assert.True(run.LatencyRecorded("grounded"));
    }

    [Fact]
    public async Task ADirectLineQuestion_IsOneTrace_FromThePostThroughTheTurnOnAWorker_ToTheAnswerStep()
    {
        await using var run = await TelemetryRun.StartAsync([DirectLineClient.SecretSetting], new RecordingAnswerStep());
        var client = new DirectLineClient(run.Bot.Client);
        var (token, conversationId) = await client.GenerateTokenAsync();
        await client.StartAsync(token);

        using var posted = await client.PostAsync(conversationId, token, DirectLineClient.Message("Who is South Korea's president?"));
        await client.WaitForAsync(conversationId, token, a => (string?)a["replyToId"] is not null);
        var spans = await run.SpansOfAsync(conversationId, s => s.DisplayName == "answer");

        var request = Assert.Single(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.DisplayName == "POST /v3/directline/conversations/{conversationId}/activities");
        var turn = Assert.Single(spans, s => s.DisplayName == "turn message");
        Assert.Equal(request.SpanId, turn.ParentSpanId);
        Assert.Equal("directline", turn.GetTagItem("summitbot.channel"));
        Assert.Equal(turn.SpanId, Assert.Single(spans, s => s.DisplayName == "answer").ParentSpanId);
        Assert.Equal("grounded", Assert.Single(spans, s => s.DisplayName == "answer").GetTagItem("summitbot.outcome"));
    }

    [Fact]
    public async Task AModelThatFails_IsCountedAsFellBack_InOneLogEvent_WithTheQuestionOnlyAtDebug()
    {
        await using var model = await FakeChatModel.StartAsync();
        model.FailsWith(400);
        await using var run = await TelemetryRun.StartAsync(
            ["ChatModel:Provider=OpenAICompatible", $"ChatModel:Endpoint={model.Endpoint}", "ChatModel:Model=x", "Logging:LogLevel:SummitBot.Conversations=Debug"]);

        await run.AskAsync("Where did Lee and Ishiba meet?");

        Assert.Equal(1, run.Answers("fell_back"));
        var logged = Assert.Single(run.Bot.Logs.Lines, l => l.Message.StartsWith("Answered a question in ", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, logged.Level);
        Assert.Matches($@"on {run.ChannelId}: fell_back, citing [\w-]+(, [\w-]+)*, in \d+ ms$", logged.Message);
        Assert.DoesNotContain(run.Bot.Logs.Lines, l => l.Level > LogLevel.Debug && l.Message.Contains("Where did Lee", StringComparison.Ordinal));
        Assert.Contains(run.Bot.Logs.Lines, l => l.Level == LogLevel.Debug && l.Message.Contains("Where did Lee", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAnswerStepThatThrows_IsCountedAsFailed_AndItsSpanIsAnError()
    {
        var answers = new RecordingAnswerStep { Respond = _ => throw new InvalidOperationException("the step broke") };
        await using var run = await TelemetryRun.StartAsync([], answers);

        var spans = await run.AskAsync("Who is South Korea's president?");

        Assert.Equal(1, run.Answers("failed"));
        Assert.Equal(0, run.Answers("grounded"));
        Assert.Equal(ActivityStatusCode.Error, Assert.Single(spans, s => s.DisplayName == "answer").Status);
    }

    private static bool IsUnder(Activity span, Activity ancestor, IReadOnlyList<Activity> spans)
    {
        for (var parent = span.ParentSpanId; parent != default; parent = spans.FirstOrDefault(s => s.SpanId == parent)?.ParentSpanId ?? default)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A fake channel and a bot whose OpenTelemetry also exports to memory.</summary>
    private sealed class TelemetryRun : IAsyncDisposable
    {
        private readonly List<Activity> spans;
        private readonly List<Metric> metrics;

        private TelemetryRun(FakeChannel channel, BotHost bot, List<Activity> spans, List<Metric> metrics)
        {
            Channel = channel;
            Bot = bot;
            this.spans = spans;
            this.metrics = metrics;
        }

        public FakeChannel Channel { get; }

        public BotHost Bot { get; }

        /// <summary>A channel id of this run's own: the bot's meter is seen by every provider in the process.</summary>
        public string ChannelId { get; } = "telemetry-" + Guid.NewGuid().ToString("N")[..8];

        public static async Task<TelemetryRun> StartAsync(IEnumerable<string> settings, RecordingAnswerStep? answers = null)
        {
            List<Activity> spans = [];
            List<Metric> metrics = [];
            var channel = await FakeChannel.StartAsync();
            var bot = await BotHost.StartAsync(answers, settings, services => services.AddOpenTelemetry()
                .WithTracing(tracing => tracing.AddInMemoryExporter(spans))
                .WithMetrics(meters => meters.AddInMemoryExporter(metrics)));
            return new TelemetryRun(channel, bot, spans, metrics);
        }

        /// <summary>Posts the question as the Emulator would, waits for its answer's delivery, and returns its trace's spans.</summary>
        public async Task<IReadOnlyList<Activity>> AskAsync(string question)
        {
            var conversation = Guid.NewGuid().ToString();
            var message = Fixtures.Load("emulator-message", Channel)
                .With("text", question)
                .With("channelId", ChannelId)
                .With("conversation", new JsonObject { ["id"] = conversation });
            using var response = await Bot.PostActivityAsync(message);
            response.EnsureSuccessStatusCode();
            await Channel.WaitForMessageAsync();

            // The reply's span ends once the Connector has answered, just after the channel saw the message.
            return await SpansOfAsync(conversation, s => s.DisplayName == "reply" && Equals(s.GetTagItem("summitbot.activity_type"), "message"));
        }

        /// <summary>The spans of the trace of the conversation's question, once one that is <paramref name="last"/> has ended (15 s at most).</summary>
        public async Task<IReadOnlyList<Activity>> SpansOfAsync(string conversation, Func<Activity, bool> last)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            while (true)
            {
                var found = Find(conversation);
                if (found.Any(last) || DateTime.UtcNow > deadline)
                {
                    return found;
                }

                await Task.Delay(20);
            }
        }

        /// <summary>This run's answers counted with <paramref name="outcome"/>, read after a flush.</summary>
        public long Answers(string outcome) =>
            Points("summitbot.answers", outcome).Sum(p => p.GetSumLong());

        public bool LatencyRecorded(string outcome) =>
            Points("summitbot.answer.duration", outcome).Any(p => p.GetHistogramCount() > 0);

        public async ValueTask DisposeAsync()
        {
            await Bot.DisposeAsync();
            await Channel.DisposeAsync();
        }

        private List<Activity> Find(string conversation)
        {
            lock (spans)
            {
                // The question's turn: a Direct Line conversation's welcome is a trace of its own.
                var turn = spans.FirstOrDefault(s => s.DisplayName == "turn message" && Equals(s.GetTagItem("summitbot.conversation"), conversation));
                return turn is null ? [] : [.. spans.Where(s => s.TraceId == turn.TraceId)];
            }
        }

        private List<MetricPoint> Points(string name, string outcome)
        {
            Bot.Services.GetRequiredService<MeterProvider>().ForceFlush();
            List<MetricPoint> points = [];
            lock (metrics)
            {
                // Each flush exports the same cumulative Metric again: count each once.
                foreach (var metric in metrics.Where(m => m.Name == name).Distinct())
                {
                    foreach (ref readonly var point in metric.GetMetricPoints())
                    {
                        if (Tag(point, "channel") == ChannelId && Tag(point, "outcome") == outcome)
                        {
                            points.Add(point);
                        }
                    }
                }
            }

            return points;
        }

        private static string? Tag(MetricPoint point, string key)
        {
            foreach (var tag in point.Tags)
            {
                if (tag.Key == key)
                {
                    return tag.Value as string;
                }
            }

            return null;
        }
    }
}
