using SummitBot.Evaluation.Running;
using SummitBot.Evaluation.Scripts;
using SummitBot.Evaluation.Transcripts;
using SummitBot.Tests.Evaluation.Support;

namespace SummitBot.Tests.Evaluation.Transcripts;

public sealed class TranscriptReplayTests : IDisposable
{
    private readonly InProcessBots bots = new();

    public void Dispose() => bots.Dispose();

    [Fact]
    public async Task Replay_InProcess_AsksTheUsersMessagesInOneConversation_AndPassesWhenTheBotSaysTheSame()
    {
        var answers = KeywordAnswers.Create();

        var run = await EvalRunner.RunAsync(Load(File.ReadAllText(TranscriptLoaderTests.ExamplePath)), bots.Target(answers), 1, null, CancellationToken.None);

        Assert.True(run.Cases[0].Passed, string.Join("; ", run.Cases[0].Turns.SelectMany(t => t.Failures)));
        Assert.Equal(["Where did the two leaders meet?", "On which day?"], answers.Asked.Select(a => a.Question));
        Assert.Single(answers.Asked.Last().History);
    }

    [Fact]
    public async Task Replay_WhenTheBotNowSaysSomethingElse_FailsThatTurn()
    {
        var transcript = """
            [
              { "type": "message", "from": { "role": "user" }, "text": "Where did they meet?" },
              { "type": "message", "from": { "role": "bot" }, "text": "They met in Osaka." }
            ]
            """;

        var run = await EvalRunner.RunAsync(Load(transcript), bots.Target(KeywordAnswers.Create()), 1, null, CancellationToken.None);

        var turn = Assert.Single(run.Cases[0].Turns);
        Assert.False(turn.Passed);
        Assert.Equal("reply 1: expected \"They met in Osaka.\"", Assert.Single(turn.Failures));
    }

    private static IReadOnlyList<EvalCase> Load(string json)
    {
        var errors = new List<ScriptError>();
        var suite = TranscriptLoader.Load("venue.transcript", json, errors);
        Assert.Empty(errors);
        return suite!.Cases;
    }

}
