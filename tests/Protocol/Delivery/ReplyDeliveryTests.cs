using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using SummitBot.Protocol.Activities;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Delivery;

/// <summary>Every accepted answer reaches its Connector exactly once, whatever an ordinary Connector fault does to its attempts.</summary>
public sealed class ReplyDeliveryTests
{
    private static readonly string[] FastRetries =
    [
        "BotProtocol:Connector:RetryBaseDelay=00:00:00.020",
        "BotProtocol:Connector:MaxRetryDelay=00:00:00.200",
        "BotProtocol:Connector:AttemptTimeout=00:00:00.500",
    ];

    [Theory]
    [InlineData(ConnectorFault.TooManyRequests)]
    [InlineData(ConnectorFault.ServerError)]
    [InlineData(ConnectorFault.Reset)]
    [InlineData(ConnectorFault.Hang)]
    public async Task TwentyConcurrentConversations_WhoseFirstAttemptsFail_GetEveryAnswerExactlyOnce(ConnectorFault fault)
    {
        await using var channel = await FakeChannel.StartAsync();
        // Only a hang needs the short attempt timeout; for the other faults it would make a slow attempt on a busy
        // machine (the whole suite runs in parallel) count as another failure, and the test fail on timing alone.
        await using var bot = await BotHost.StartAsync(
            new RecordingAnswerStep(), fault == ConnectorFault.Hang ? FastRetries : [.. FastRetries, "BotProtocol:Connector:AttemptTimeout=00:00:05"]);
        channel.FailFirstAttemptOfEach(fault);
        var message = Fixtures.Load("teams-personal-message", channel);

        var accepted = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => bot.PostActivityAsync(InConversation(message, $"a:faulty{i}"))));

        Assert.All(accepted, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var answers = await channel.WaitForAsync(p => p.Succeeded && p.Activity.Type == ActivityTypes.Message, count: 20);
        Assert.Equal(20, answers.Select(p => p.Activity.Conversation?.Id).Distinct().Count());
        await AssertNoReplyDeliveredTwiceAsync(channel);
    }

    [Fact]
    public async Task AnAttemptThatTimedOut_IsSentAgainWithTheSameActivityId()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep(), FastRetries);
        channel.FailFirstAttemptOfEach(ConnectorFault.Hang);

        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));

        var answer = await channel.WaitForMessageAsync();
        var attempts = channel.Posted.Where(p => p.Activity.Type == ActivityTypes.Message).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.False(string.IsNullOrEmpty(answer.Id));
        Assert.All(attempts, attempt => Assert.Equal(answer.Id, attempt.Activity.Id));
    }

    [Fact]
    public async Task RepliesOfOneConversation_ArriveInOrder_EvenWhenAnEarlierOneWaitsForItsRetry()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep(), FastRetries);
        channel.FailFirstAttemptOfEach(ConnectorFault.TooManyRequests);
        var message = Fixtures.Load("teams-personal-message", channel);

        await bot.PostActivityAsync(message.With("id", "first").With("text", "Where did they meet?"));
        await bot.PostActivityAsync(message.With("id", "second").With("text", "When?"));

        var answers = await channel.WaitForAsync(p => p.Succeeded && p.Activity.Type == ActivityTypes.Message, count: 2);
        Assert.Equal(["first", "second"], answers.Select(p => p.Activity.ReplyToId));
    }

    [Fact]
    public async Task EachReply_HasAnIdOfItsOwn()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep());

        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));

        var posted = await channel.WaitForAsync(p => p.Activity.Type == ActivityTypes.Message);
        var ids = channel.Posted.Select(p => p.Activity.Id).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith("1712345678901.", id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADeadServiceUrl_CostsTheHealthyConversationsNothing()
    {
        await using var channel = await FakeChannel.StartAsync();
        // The smallest sample, so the dead destination's circuit surely opens: were circuits shared, the healthy
        // conversations' replies would wait behind it.
        await using var bot = await BotHost.StartAsync(
            new RecordingAnswerStep(), [.. FastRetries, "BotProtocol:Connector:DeliveryDeadline=00:00:05", "BotProtocol:Connector:CircuitMinimumThroughput=2"]);
        var message = Fixtures.Load("teams-personal-message", channel);
        var deadPort = UnusedPort();
        var dead = message.With("serviceUrl", $"http://127.0.0.1:{deadPort}/");

        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(InConversation(dead, $"a:dead{i}"))).StatusCode);
        }

        await bot.Logs.WaitForLineAsync(line => line.StartsWith($"Connector circuit for http://127.0.0.1:{deadPort} opened", StringComparison.Ordinal));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => bot.PostActivityAsync(InConversation(message, $"a:healthy{i}"))));

        var answers = await channel.WaitForAsync(p => p.Succeeded && p.Activity.Type == ActivityTypes.Message, count: 20);
        Assert.Equal(20, answers.Select(p => p.Activity.Conversation?.Id).Distinct().Count());
    }

    [Fact]
    public async Task AnAnswerStillUndeliveredAtItsDeadline_IsLoggedWithItsConversation()
    {
        await using var bot = await BotHost.StartAsync(new RecordingAnswerStep(), [.. FastRetries, "BotProtocol:Connector:DeliveryDeadline=00:00:01"]);
        var dead = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "m1",
            ["channelId"] = "emulator",
            ["serviceUrl"] = $"http://127.0.0.1:{UnusedPort()}/",
            ["from"] = new JsonObject { ["id"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = "c-unreachable" },
            ["text"] = "Where did they meet?",
        };

        await bot.PostActivityAsync(dead);

        var logged = await bot.Logs.WaitForLineAsync(line => line.StartsWith("Reply ", StringComparison.Ordinal));
        Assert.Contains("Reply m1.reply-2 in conversation emulator/c-unreachable", logged, StringComparison.Ordinal);
        Assert.Contains("its delivery deadline passed", logged, StringComparison.Ordinal);
    }

    private static JsonObject InConversation(JsonObject activity, string conversationId) =>
        activity.With("conversation", new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal" });

    /// <summary>A loopback port nobody listens on: connections to it are refused at once.</summary>
    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A retry after a success would be a duplicate a Connector could only drop by the id; none may happen.</summary>
    private static async Task AssertNoReplyDeliveredTwiceAsync(FakeChannel channel)
    {
        // Give a stray extra attempt time to arrive.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var delivered = channel.Posted.Where(p => p.Succeeded).GroupBy(p => (p.Activity.Conversation?.Id, p.Activity.Id)).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(delivered);
    }
}
