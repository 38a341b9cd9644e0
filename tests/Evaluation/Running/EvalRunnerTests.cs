using SummitBot.Evaluation.Running;
using SummitBot.Evaluation.Scripts;
using SummitBot.Evaluation.Targets;
using SummitBot.Tests.Evaluation.Support;

namespace SummitBot.Tests.Evaluation.Running;

public sealed class EvalRunnerTests : IDisposable
{
    private readonly InProcessBots bots = new();

    public void Dispose() => bots.Dispose();

    [Fact]
    public async Task RunAsync_GivesEachCaseItsVerdictInScriptOrder()
    {
        var run = await EvalRunner.RunAsync(Cases(KeywordAnswers.Script), bots.Target(KeywordAnswers.Create()), 1, null, CancellationToken.None);

        Assert.Equal(
            [("venue", true), ("tariffs", true), ("off-topic", true), ("follow-up", true), ("wrong-city", false), ("wrongly-refused", false)],
            run.Cases.Select(c => (c.Case.Id, c.Passed)));
        var wrongCity = run.Cases[4].Turns[0];
        Assert.Equal(KeywordAnswers.VenueText, wrongCity.Reply!.Text);
        Assert.Equal(2, wrongCity.Failures.Count);
    }

    [Fact]
    public async Task RunAsync_AMultiTurnCase_AsksItsTurnsInOneConversation_AndNoCaseSeesAnothersHistory()
    {
        var answers = KeywordAnswers.Create();

        await EvalRunner.RunAsync(Cases(KeywordAnswers.Script), bots.Target(answers), 1, null, CancellationToken.None);

        var asked = answers.Asked.ToList();
        var followUp = asked.Single(a => a.Question == "On which day?");
        Assert.Equal([("Where was the summit?", KeywordAnswers.VenueText)], followUp.History.Select(t => (t.Question, t.Answer)));
        Assert.All(asked.Where(a => a.Question != "On which day?"), a => Assert.Empty(a.History));
    }

    [Fact]
    public async Task RunAsync_InParallel_GivesTheSameVerdictsInTheSameOrder()
    {
        var cases = Cases(KeywordAnswers.Script);
        var serial = await EvalRunner.RunAsync(cases, bots.Target(KeywordAnswers.Create()), 1, null, CancellationToken.None);

        var finished = 0;
        var parallel = await EvalRunner.RunAsync(cases, bots.Target(KeywordAnswers.Create()), 4, _ => Interlocked.Increment(ref finished), CancellationToken.None);

        Assert.Equal(serial.Cases.Select(c => (c.Case.Id, c.Passed)), parallel.Cases.Select(c => (c.Case.Id, c.Passed)));
        Assert.Equal(cases.Count, finished);
    }

    [Fact]
    public async Task RunAsync_ATargetThatThrows_FailsOnlyThatCase_AndStopsItsConversation()
    {
        var answers = KeywordAnswers.Create();
        var cases = Cases(CrashThenAsk);

        var run = await EvalRunner.RunAsync(cases, new Crashing(bots.Target(answers)), 1, null, CancellationToken.None);

        var broken = run.Cases[0];
        Assert.False(broken.Passed);
        Assert.Equal("InvalidOperationException: the bot could not be asked", broken.Error);
        Assert.Null(Assert.Single(broken.Turns).Reply);
        Assert.True(run.Cases[1].Passed);
        Assert.Single(answers.Asked);
    }

    [Fact]
    public async Task RunAsync_InProcess_AnAnswerStepThatThrows_GetsTheBotsApology_AndFailsThatTurnOnly()
    {
        var answers = KeywordAnswers.Create();

        var run = await EvalRunner.RunAsync(Cases(CrashThenAsk), bots.Target(answers), 1, null, CancellationToken.None);

        var broken = run.Cases[0];
        Assert.False(broken.Passed);
        Assert.Null(broken.Error);
        Assert.Equal(SummitBot.Conversations.BotTexts.AnswerFailed, broken.Turns[0].Reply!.Text);
        Assert.True(broken.Turns[1].Passed);   // the conversation goes on, as it does for a user
        Assert.True(run.Cases[1].Passed);
    }

    private const string CrashThenAsk = """
        cases:
          - id: broken
            turns:
              - ask: Please crash
                expect: { any: [Tokyo] }
              - ask: Where did they meet?
                expect: { any: [Tokyo] }
          - id: fine
            ask: Where did they meet?
            expect: { any: [Tokyo] }
        """;

    /// <summary>A target that cannot ask one question (as a bot that answers 500 cannot).</summary>
    private sealed class Crashing(IEvalTarget inner) : IEvalTarget
    {
        public IEvalConversation StartConversation() => new Conversation(inner.StartConversation());

        private sealed class Conversation(IEvalConversation inner) : IEvalConversation
        {
            public Task<BotReply> AskAsync(string question, CancellationToken cancellationToken) =>
                question.Contains("crash", StringComparison.OrdinalIgnoreCase)
                    ? throw new InvalidOperationException("the bot could not be asked")
                    : inner.AskAsync(question, cancellationToken);
        }
    }

    [Fact]
    public async Task RunAsync_WhenCancelled_Stops()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            EvalRunner.RunAsync(Cases(KeywordAnswers.Script), bots.Target(KeywordAnswers.Create()), 1, null, cancelled.Token));
    }

    internal static List<EvalCase> Cases(string yaml)
    {
        var errors = new List<ScriptError>();
        var suite = QaScriptLoader.Load("keywords.qa.yaml", yaml, TestArticles.Catalog.Ids, errors);
        Assert.Empty(errors);
        return [.. suite!.Cases];
    }

}
