using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SummitBot.Conversations.Feedback;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.State;

/// <summary>What the bot remembers lives in its state database, so a restarted bot still has it.</summary>
public sealed class StateAcrossRestartsTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summitbot-restart-");

    private string StateSetting => "State:Path=" + Path.Combine(folder.FullName, "state.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task AfterARestart_AFollowUpHasTheEarlierQuestion_AndTheFeedbackGivenBeforeIsKept()
    {
        await using (var before = await BotHost.StartAsync(new RecordingAnswerStep(), [StateSetting]))
        {
            (await before.PostActivityAsync(Message("Who is South Korea's president?"))).EnsureSuccessStatusCode();
            (await before.PostActivityAsync(Fixtures.Load("teams-feedback-invoke", "http://127.0.0.1:9"))).EnsureSuccessStatusCode();
        }

        var answers = new RecordingAnswerStep();
        await using var after = await BotHost.StartAsync(answers, [StateSetting]);
        (await after.PostActivityAsync(Message("When did he take office?"))).EnsureSuccessStatusCode();

        var (question, history) = Assert.Single(answers.Calls);
        Assert.Equal("When did he take office?", question);
        Assert.Equal("Who is South Korea's president?", Assert.Single(history).Question);
        var feedback = Assert.Single(await after.Services.GetRequiredService<IFeedbackStore>().ListAsync(CancellationToken.None));
        Assert.Equal("dislike", feedback.Reaction);
        Assert.Equal("It missed the date of the summit.", feedback.Text);
        Assert.Equal("1712345678999", feedback.RatedMessageId);
    }

    [Fact]
    public async Task ADatabaseFromANewerBot_StopsTheBotAtStart_SayingSo()
    {
        var file = Path.Combine(folder.FullName, "state.db");
        await using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (99);";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartAsync(new RecordingAnswerStep(), [StateSetting]));

        Assert.Contains("schema version 99, newer than this bot knows", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Message(string text) =>
        Fixtures.Load("teams-personal-message", "http://127.0.0.1:9").With("text", text).With("deliveryMode", "expectReplies");
}
