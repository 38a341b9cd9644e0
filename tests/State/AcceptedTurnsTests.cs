using Microsoft.Data.Sqlite;
using SummitBot.State;
using SummitBot.Tests.DirectLine.Support;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.State;

/// <summary>A turn acknowledged with 200 is kept until its replies are delivered, so a bot that stops before answering answers it when it is back.</summary>
public sealed class AcceptedTurnsTests : IAsyncLifetime
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summitbot-turns-");
    private FakeChannel channel = null!;

    private string[] Settings => ["State:Path=" + Path.Combine(folder.FullName, "state.db"), "State:TurnLease=00:00:01"];

    public async Task InitializeAsync() => channel = await FakeChannel.StartAsync();

    public async Task DisposeAsync()
    {
        await channel.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task ATurnCutShortByAStop_IsAnsweredOnceAfterTheRestart()
    {
        var stuck = new RecordingAnswerStep { Gate = new TaskCompletionSource() };
        await using (var before = await BotHost.StartAsync(stuck, Settings))
        {
            (await before.PostActivityAsync(Fixtures.Load("teams-personal-message", channel))).EnsureSuccessStatusCode();
            while (stuck.Calls.Count == 0)
            {
                await Task.Delay(20);
            }
        }

        await using var after = await BotHost.StartAsync(new RecordingAnswerStep(), Settings);
        var answer = await channel.WaitForMessageAsync();

        Assert.Equal("You asked: Who is South Korea's president? [1]", answer.Text);
        await WaitUntilNoneKeptAsync(after);
        Assert.Single(channel.Posted, p => p.Activity.Type == "message");
    }

    [Fact]
    public async Task AWebChatTurnCutShortByAStop_IsAnsweredIntoItsConversationAfterTheRestart()
    {
        string[] settings = [.. Settings, DirectLineClient.SecretSetting, "DirectLine:AnswerWait=00:00:00"];
        var stuck = new RecordingAnswerStep { Gate = new TaskCompletionSource() };
        string token, conversationId;
        await using (var before = await BotHost.StartAsync(stuck, settings))
        {
            var client = new DirectLineClient(before.Client);
            (token, conversationId) = await client.GenerateTokenAsync();
            await client.StartAsync(token);
            (await client.PostAsync(conversationId, token, DirectLineClient.Message("Where did they meet?"))).EnsureSuccessStatusCode();
            while (stuck.Calls.Count == 0)
            {
                await Task.Delay(20);
            }
        }

        await using var after = await BotHost.StartAsync(new RecordingAnswerStep(), settings);
        var again = new DirectLineClient(after.Client);
        var answer = await again.WaitForAsync(conversationId, token, a => ((string?)a["text"])?.StartsWith("You asked", StringComparison.Ordinal) == true);

        Assert.StartsWith("You asked: Where did they meet? [1]", (string?)answer["text"], StringComparison.Ordinal);
        await WaitUntilNoneKeptAsync(after);
        var messages = (await again.ActivitiesAsync(conversationId, token))["activities"]!.AsArray().Where(a => (string?)a!["type"] == "message");
        Assert.Equal(3, messages.Count());   // the welcome, the question, one answer
    }

    [Fact]
    public async Task AnAnsweredTurn_IsForgotten_AndNotAnsweredAgainAfterARestart()
    {
        await using (var before = await BotHost.StartAsync(new RecordingAnswerStep(), Settings))
        {
            (await before.PostActivityAsync(Fixtures.Load("teams-personal-message", channel))).EnsureSuccessStatusCode();
            await channel.WaitForMessageAsync();
            await WaitUntilNoneKeptAsync(before);
        }

        var answers = new RecordingAnswerStep();
        await using var after = await BotHost.StartAsync(answers, Settings);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Empty(answers.Calls);
        Assert.Single(channel.Posted, p => p.Activity.Type == "message");
    }

    private static async Task WaitUntilNoneKeptAsync(BotHost bot)
    {
        var turns = bot.Services.GetRequiredService<AcceptedTurns>();
        for (var i = 0; i < 100 && await turns.CountAsync(CancellationToken.None) > 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, await turns.CountAsync(CancellationToken.None));
    }
}
