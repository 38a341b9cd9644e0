using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SummitBot.Conversations.Feedback;
using SummitBot.State;
using SummitBot.Tests.DirectLine.Support;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.State.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.State;

/// <summary>Two bots on two ports sharing one PostgreSQL database, as two instances behind a load balancer.</summary>
public sealed class TwoInstancesTests
{
    [Fact]
    public async Task AConversationStartedOnOneInstance_ContinuesOnTheOther_AndFeedbackFromBothLandsTogether()
    {
        var shared = "ConnectionStrings:State=" + await PostgresServer.NewDatabaseAsync();
        var answersA = new RecordingAnswerStep();
        var answersB = new RecordingAnswerStep();
        await using var a = await BotHost.StartAsync(answersA, [shared]);
        await using var b = await BotHost.StartAsync(answersB, [shared]);

        (await a.PostActivityAsync(Message("Who is South Korea's president?"))).EnsureSuccessStatusCode();
        (await b.PostActivityAsync(Message("When did he take office?"))).EnsureSuccessStatusCode();
        (await a.PostActivityAsync(Feedback("first"))).EnsureSuccessStatusCode();
        (await b.PostActivityAsync(Feedback("second"))).EnsureSuccessStatusCode();

        var (question, history) = Assert.Single(answersB.Calls);
        Assert.Equal("When did he take office?", question);
        Assert.Equal("Who is South Korea's president?", Assert.Single(history).Question);
        var fromA = await a.Services.GetRequiredService<IFeedbackStore>().ListAsync(CancellationToken.None);
        var fromB = await b.Services.GetRequiredService<IFeedbackStore>().ListAsync(CancellationToken.None);
        Assert.Equal(["first", "second"], fromA.Select(f => f.Text));
        Assert.Equal(fromA.Select(f => f.Text), fromB.Select(f => f.Text));
    }

    [Fact]
    public async Task AWebChatVisitorsStreamOnOneInstance_GetsTheRepliesToWhatWasPostedThroughTheOther_InOneOrder()
    {
        string[] settings = ["ConnectionStrings:State=" + await PostgresServer.NewDatabaseAsync(), DirectLineClient.SecretSetting];
        await using var a = await BotHost.StartAsync(new RecordingAnswerStep(), settings);
        await using var b = await BotHost.StartAsync(new RecordingAnswerStep(), settings);
        var throughA = new DirectLineClient(a.Client);
        var throughB = new DirectLineClient(b.Client);
        var (token, conversationId) = await throughA.GenerateTokenAsync();
        var started = await throughA.StartAsync(token);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)started["streamUrl"]!), CancellationToken.None);

        // The token A sealed opens the conversation on B; the turns go to one instance and then the other.
        (await throughB.PostAsync(conversationId, token, DirectLineClient.Message("Where did they meet?", "c-1"))).EnsureSuccessStatusCode();
        (await throughA.PostAsync(conversationId, token, DirectLineClient.Message("When?", "c-2"))).EnsureSuccessStatusCode();
        (await throughB.PostAsync(conversationId, token, DirectLineClient.Message("Who spoke first?", "c-3"))).EnsureSuccessStatusCode();
        var streamed = new List<JsonNode>();
        while (streamed.Count(IsAnswer) < 3)
        {
            var frame = await DirectLineClient.ReceiveAsync(socket, TimeSpan.FromSeconds(10)) ?? throw new InvalidOperationException("The stream closed.");
            streamed.AddRange(frame["activities"]!.AsArray()!);
        }

        var kept = streamed.Where(s => (string?)s["type"] == "message").ToList();
        Assert.Equal("bot", (string?)kept[0]["from"]?["role"]);   // the welcome
        Assert.Equal(
            ["Where did they meet?", "You asked: Where did they meet? [1]", "When?", "You asked: When? [1]", "Who spoke first?", "You asked: Who spoke first? [1]"],
            kept.Skip(1).Select(m => ((string)m["text"]!).Split("\n\n")[0]));   // without the citations' definitions
        var numbers = streamed.Select(s => long.Parse(((string)s["id"]!).Split('|')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        var polledOnB = (await throughB.ActivitiesAsync(conversationId, token))["activities"]!.AsArray().Select(x => (string?)x!["id"]);
        Assert.Equal(kept.Select(k => (string?)k["id"]), polledOnB);
    }

    [Fact]
    public async Task AnAnswerTooLargeToAnnounce_StillReachesTheStreamOnTheOtherInstance()
    {
        string[] settings = ["ConnectionStrings:State=" + await PostgresServer.NewDatabaseAsync(), DirectLineClient.SecretSetting];
        var longAnswer = string.Join(' ', Enumerable.Repeat("summit", 1_500)) + " [1]";
        await using var a = await BotHost.StartAsync(new RecordingAnswerStep(), settings);
        await using var b = await BotHost.StartAsync(new RecordingAnswerStep { Respond = _ => new(longAnswer, true, [RecordingAnswerStep.ReutersCitation]) }, settings);
        var throughA = new DirectLineClient(a.Client);
        var (token, conversationId) = await throughA.GenerateTokenAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)(await throughA.StartAsync(token))["streamUrl"]!), CancellationToken.None);

        (await new DirectLineClient(b.Client).PostAsync(conversationId, token, DirectLineClient.Message("Tell me everything."))).EnsureSuccessStatusCode();
        JsonNode? answer = null;
        while (answer is null)
        {
            var frame = await DirectLineClient.ReceiveAsync(socket, TimeSpan.FromSeconds(10)) ?? throw new InvalidOperationException("The stream closed.");
            answer = frame["activities"]!.AsArray().FirstOrDefault(x => ((string?)x!["text"])?.StartsWith("summit summit", StringComparison.Ordinal) == true);
        }

        Assert.StartsWith(longAnswer, (string?)answer["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATurnAcceptedByAnInstanceThatStops_IsAnsweredByTheOther_Once()
    {
        await using var channel = await FakeChannel.StartAsync();
        string[] settings = ["ConnectionStrings:State=" + await PostgresServer.NewDatabaseAsync(), "State:TurnLease=00:00:01"];
        await using var survivor = await BotHost.StartAsync(new RecordingAnswerStep(), settings);
        var stuck = new RecordingAnswerStep { Gate = new TaskCompletionSource() };
        await using (var stopping = await BotHost.StartAsync(stuck, settings))
        {
            (await stopping.PostActivityAsync(Fixtures.Load("teams-personal-message", channel))).EnsureSuccessStatusCode();
            while (stuck.Calls.Count == 0)
            {
                await Task.Delay(20);
            }
        }

        var answer = await channel.WaitForMessageAsync();

        Assert.Equal("You asked: Who is South Korea's president? [1]", answer.Text);
        var turns = survivor.Services.GetRequiredService<AcceptedTurns>();
        for (var i = 0; i < 100 && await turns.CountAsync(CancellationToken.None) > 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, await turns.CountAsync(CancellationToken.None));
        Assert.Single(channel.Posted, p => p.Activity.Type == "message");
    }

    private static bool IsAnswer(JsonNode activity) =>
        (string?)activity["type"] == "message" && ((string?)activity["text"])?.StartsWith("You asked", StringComparison.Ordinal) == true;

    private static JsonObject Message(string text) =>
        Fixtures.Load("teams-personal-message", "http://127.0.0.1:9").With("text", text).With("deliveryMode", "expectReplies");

    private static JsonObject Feedback(string comment) =>
        Fixtures.Load("teams-feedback-invoke", "http://127.0.0.1:9")
            .With("value", new JsonObject
            {
                ["actionName"] = "feedback",
                ["actionValue"] = new JsonObject { ["reaction"] = "like", ["feedback"] = $"{{\"feedbackText\":\"{comment}\"}}" },
            });
}
