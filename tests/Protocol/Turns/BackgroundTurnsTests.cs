using System.Net;
using System.Text.Json;
using SummitBot.Answering;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Turns;

/// <summary>A slow answer never holds the channel's request.</summary>
public sealed class BackgroundTurnsTests
{
    [Fact]
    public async Task SlowAnswer_IsAcknowledgedBeforeItIsReady_AndPostedWhenItIs()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answers = new RecordingAnswerStep { Gate = gate };
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync(answers);

        var response = await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(channel.Posted, p => p.Activity.Type == "message");
        gate.SetResult();
        Assert.Equal("You asked: Who is South Korea's president? [1]", (await channel.WaitForMessageAsync()).Text);
    }

    [Fact]
    public async Task ExpectRepliesTurnPastItsDeadline_ReturnsAnApology_EvenIfTheAnswerStepIgnoresCancellation()
    {
        var answers = new RecordingAnswerStep { Gate = new TaskCompletionSource() };
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync(answers, ["BotProtocol:ExpectRepliesTimeout=00:00:01"]);

        var response = await bot.PostActivityAsync(Fixtures.Load("webchat-message", channel).With("deliveryMode", "expectReplies"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var reply = Assert.Single(body.RootElement.GetProperty("activities").EnumerateArray());
        Assert.Equal("Sorry, that took too long to answer. Please try again, or ask a shorter question.", reply.GetProperty("text").GetString());
    }

    [Fact]
    public async Task BackgroundTurnPastItsDeadline_PostsAnApology()
    {
        var answers = new RecordingAnswerStep { Gate = new TaskCompletionSource() };
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync(answers, ["BotProtocol:TurnTimeout=00:00:01"]);

        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));

        Assert.Equal("Sorry, that took too long to answer. Please try again, or ask a shorter question.", (await channel.WaitForMessageAsync()).Text);
    }

    [Fact]
    public async Task AConversationStuckOnASlowAnswer_DoesNotHoldUpAnother()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answers = new RecordingAnswerStep
        {
            Respond = question => new Answer($"You asked: {question}", true, []),
        };
        var slow = new SlowForOneQuestion(answers, "slow question", gate.Task);
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync(slow, ["BotProtocol:MaxConcurrentTurns=8"]);
        var message = Fixtures.Load("teams-personal-message", channel);

        await bot.PostActivityAsync(message.With("text", "slow question"));
        for (var i = 0; i < 8; i++)
        {
            await bot.PostActivityAsync(message.With("conversation", new System.Text.Json.Nodes.JsonObject { ["id"] = $"a:other{i}" }));
        }

        // Eight other conversations, seven free workers: all eight are answered while the stuck one waits.
        await channel.WaitForMessageAsync(count: 8);
        Assert.DoesNotContain(channel.Posted, p => p.Activity.Text == "You asked: slow question");
        gate.SetResult();
        await channel.WaitForAsync(p => p.Activity.Text == "You asked: slow question");
    }

    [Fact]
    public async Task FullQueue_Is503WithRetryAfter_AndTheAcceptedTurnsAreStillAnswered()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answers = new RecordingAnswerStep { Gate = gate };
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync(answers, ["BotProtocol:MaxConcurrentTurns=1", "BotProtocol:MaxQueuedTurns=1"]);
        var message = Fixtures.Load("teams-personal-message", channel);

        await bot.PostActivityAsync(message.With("id", "running"));
        await channel.WaitForAsync(p => p.Activity.Type == "typing");
        var queued = await bot.PostActivityAsync(message.With("id", "queued"));
        var refused = await bot.PostActivityAsync(message.With("id", "refused"));

        Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
        gate.SetResult();
        var answered = await channel.WaitForAsync(p => p.Activity.Type == "message", count: 2);
        Assert.Equal(["running", "queued"], answered.Select(p => p.Activity.ReplyToId));
    }

    [Fact]
    public async Task TwoHundredTurnsWaiting_BelowTheLimit_AreAllAccepted()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answers = new RecordingAnswerStep { Gate = gate };
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync(answers, ["BotProtocol:MaxConcurrentTurns=4", "BotProtocol:MaxQueuedTurns=256"]);
        var message = Fixtures.Load("teams-personal-message", channel);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 204; i++)
        {
            statuses.Add((await bot.PostActivityAsync(message.With("conversation", new System.Text.Json.Nodes.JsonObject { ["id"] = $"a:queued{i}" }))).StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        gate.SetResult();
        await channel.WaitForAsync(p => p.Activity.Type == "message", count: 204);
    }

    [Fact]
    public async Task OneConversationOverItsShare_Gets429_WhileOthersAreStillAccepted()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answers = new RecordingAnswerStep { Gate = gate };
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync(answers, ["BotProtocol:MaxConcurrentTurns=1", "BotProtocol:MaxQueuedTurnsPerConversation=2"]);
        var message = Fixtures.Load("teams-personal-message", channel);

        await bot.PostActivityAsync(message.With("id", "running"));
        await channel.WaitForAsync(p => p.Activity.Type == "typing");
        var waiting = new[] { await bot.PostActivityAsync(message.With("id", "w1")), await bot.PostActivityAsync(message.With("id", "w2")) };
        var refused = await bot.PostActivityAsync(message.With("id", "w3"));
        var other = await bot.PostActivityAsync(message.With("conversation", new System.Text.Json.Nodes.JsonObject { ["id"] = "a:someoneElse" }));

        Assert.All(waiting, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        gate.SetResult();
        var answered = await channel.WaitForAsync(p => p.Activity.Type == "message", count: 4);
        Assert.Equal(["running", "w1", "w2"], answered.Where(p => p.Activity.Conversation?.Id == "a:1xyzPersonalConversation").Select(p => p.Activity.ReplyToId));
    }

    [Fact]
    public async Task Shutdown_CancelsARunningTurn_AndStops()
    {
        var answers = new RecordingAnswerStep { Gate = new TaskCompletionSource() };
        await using var channel = await FakeChannel.StartAsync();
        var bot = await BotHost.StartAsync(answers);
        await bot.PostActivityAsync(Fixtures.Load("teams-personal-message", channel));
        await channel.WaitForAsync(p => p.Activity.Type == "typing");

        // A guard, not a timing assertion: a shutdown that waited for the stuck answer would never end.
        await bot.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(bot.Logs.Lines, line => line.Message.StartsWith("Stopped answering in the background", StringComparison.Ordinal));
        Assert.DoesNotContain(channel.Posted, p => p.Activity.Type == "message");
    }

    private sealed class SlowForOneQuestion(IAnswerStep inner, string slowQuestion, Task release) : IAnswerStep
    {
        public async Task<Answer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
        {
            if (question == slowQuestion)
            {
                await release.WaitAsync(cancellationToken);
            }

            return await inner.AnswerAsync(question, history, cancellationToken);
        }
    }
}
