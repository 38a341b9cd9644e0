using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SummitBot.Tests.DirectLine.Support;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;
using Xunit.Abstractions;

namespace SummitBot.Tests.DirectLine;

/// <summary>
/// A second real client besides Web Chat in a browser: Microsoft's DirectLineJS, run by node
/// (tests/DirectLine/Clients/directline-client.mjs), holds a conversation with the bot's own Direct Line, over the
/// WebSocket stream and, separately, by polling. It is the code inside Web Chat, so what it needs of the protocol
/// (the echo with the post's id, replyToId, watermarks, the stream) is what Web Chat needs.
/// </summary>
public sealed class DirectLineJsTests(ITestOutputHelper output)
{
    private const string Question = "Where did Ishiba and Lee meet?";
    private const string FollowUp = "What did they agree on?";

    [Fact]
    public Task Conversation_OverTheWebSocket_WelcomesAndAnswersEachQuestionOnce() => ConverseAsync("websocket");

    [Fact]
    public Task Conversation_ByPolling_WelcomesAndAnswersEachQuestionOnce() => ConverseAsync("polling");

    private async Task ConverseAsync(string mode)
    {
        var answers = new RecordingAnswerStep();
        await using var bot = await BotHost.StartAsync(answers, [DirectLineClient.SecretSetting]);
        var (token, conversationId) = await new DirectLineClient(bot.Client).GenerateTokenAsync();

        var (report, errors) = await DirectLineJs.ConverseAsync(bot.Client.BaseAddress!, token, mode, Question, FollowUp);
        output.WriteLine(report.ToJsonString());
        if (errors.Length > 0)
        {
            output.WriteLine("stderr: " + errors);
        }

        Assert.True(
            (string?)report["directLineJsVersion"] == DirectLineJs.Version,
            $"DirectLineJS {report["directLineJsVersion"]} is installed, not {DirectLineJs.Version}: build tests/SummitBot.Tests.csproj again, which reinstalls it.");
        Assert.Equal(mode == "websocket", (bool)report["webSocket"]!);
        Assert.Equal(conversationId, (string?)report["conversationId"]);
        Assert.Contains("Online", Strings(report["statuses"]));
        Assert.DoesNotContain("FailedToConnect", Strings(report["statuses"]));
        Assert.DoesNotContain("ExpiredToken", Strings(report["statuses"]));
        Assert.Empty(report["consoleWarnings"]!.AsArray());

        // Every call DirectLineJS made succeeded (but the poll in flight when it stopped, which has no status yet);
        // polling polls, the stream needs no polling.
        var requests = report["requests"]!.AsArray().Select(r => (Method: (string)r!["method"]!, Path: (string)r["path"]!, Status: (int?)r["status"])).ToList();
        Assert.All(requests[..^1], r => Assert.True(r.Status is >= 200 and < 300, $"{r.Method} {r.Path} answered {r.Status}"));
        var last = requests[^1];
        Assert.True(last.Status is >= 200 and < 300 || (mode == "polling" && last.Status is null && last.Method == "GET"), $"{last.Method} {last.Path} answered {last.Status}");
        Assert.Contains(requests, r => r is { Method: "POST", Path: "/v3/directline/conversations", Status: 201 });
        var polls = requests.Count(r => r.Method == "GET" && r.Path.StartsWith($"/v3/directline/conversations/{conversationId}/activities?watermark=", StringComparison.Ordinal));
        if (mode == "polling")
        {
            Assert.True(polls >= 3, $"only {polls} polls");
        }
        else
        {
            Assert.Equal(0, polls);
        }

        // The welcome came first, before anything was asked.
        var activities = report["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
        var welcome = report["welcome"]!.AsObject();
        Assert.Equal("message", (string?)welcome["type"]);
        Assert.Equal("bot", (string?)welcome["role"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)welcome["text"]));
        Assert.Equal((string?)welcome["id"], (string?)activities.First(a => (string?)a["type"] == "message")["id"]);

        // Ids are "{conversationId}|0000042", sent in order, each once, over the stream or by polling as the mode says;
        // activity$ gave exactly those (in its own order: DirectLineJS re-emits each set on a timer, so two sets that
        // arrive together can interleave).
        var id = new Regex("^" + Regex.Escape(conversationId) + @"\|(\d{7})$", RegexOptions.CultureInvariant);
        var wire = report["wire"]!.AsArray().Select(w => w!.AsObject()).ToList();
        Assert.All(wire, w => Assert.Equal(mode == "websocket" ? "socket" : "poll", (string?)w["via"]));
        var sent = wire.SelectMany(w => w["ids"]!.AsArray().Select(i => (string?)i ?? "")).ToList();
        var numbers = sent.Select(text => id.Match(text) is { Success: true } m
            ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new Xunit.Sdk.XunitException($"activity id '{text}' is not {conversationId}|0000042")).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal(numbers.Distinct().Count(), numbers.Count);
        Assert.Equal(sent.Order(StringComparer.Ordinal), activities.Select(a => (string)a["id"]!).Order(StringComparer.Ordinal));
        Assert.All(activities, a => Assert.Equal(conversationId, (string?)a["conversationId"]));

        var turns = report["turns"]!.AsArray().Select(t => t!.AsObject()).ToList();
        Assert.Equal(2, turns.Count);
        foreach (var (turn, question, clientActivityId) in new[] { (turns[0], Question, "directlinejs-1"), (turns[1], FollowUp, "directlinejs-2") })
        {
            var postedId = (string)turn["postedId"]!;
            Assert.Matches(id, postedId);

            // The echo carries the id postActivity returned and keeps the clientActivityID the script gave its message
            // (directlinejs-1, -2), once.
            var echo = turn["echo"]!.AsObject();
            Assert.Equal(postedId, (string?)echo["id"]);
            Assert.Equal("user", (string?)echo["role"]);
            Assert.Equal(question, (string?)echo["text"]);
            Assert.Equal(clientActivityId, (string?)echo["clientActivityID"]);
            Assert.Equal(1, (int)turn["echoes"]!);

            // One answer, replying to the question.
            var answer = Assert.Single(turn["answers"]!.AsArray())!.AsObject();
            Assert.Equal(postedId, (string?)answer["replyToId"]);
            Assert.StartsWith($"You asked: {question} [1]", (string?)answer["text"], StringComparison.Ordinal);
            Assert.Matches(id, (string)answer["id"]!);
        }

        // Nothing went wrong on the bot's side either.
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error);

        // The bot saw the two questions in order, the follow-up with the first turn as its history.
        Assert.Equal([Question, FollowUp], answers.Calls.Select(c => c.Question));
        Assert.Contains(answers.Calls[1].History, h => h.Question == Question);
    }

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(s => (string)s!)];
}
