using System.Text.Json.Nodes;
using SummitBot.Conversations.Feedback;
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
