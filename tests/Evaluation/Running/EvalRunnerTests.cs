using SummitBot.Evaluation.Running;
using SummitBot.Evaluation.Scripts;
using SummitBot.Evaluation.Targets;
using SummitBot.Tests.Evaluation.Support;

namespace SummitBot.Tests.Evaluation.Running;

public sealed class EvalRunnerTests
{
    [Fact]
    public async Task RunAsync_GivesEachCaseItsVerdictInScriptOrder()
    {
        var run = await EvalRunner.RunAsync(Cases(KeywordAnswers.Script), new InProcessTarget(KeywordAnswers.Create()), 1, null, CancellationToken.None);

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

        await EvalRunner.RunAsync(Cases(KeywordAnswers.Script), new InProcessTarget(answers), 1, null, CancellationToken.None);

        var asked = answers.Asked.ToList();
        var followUp = asked.Single(a => a.Question == "On which day?");
        Assert.Equal([("Where was the summit?", KeywordAnswers.VenueText)], followUp.History.Select(t => (t.Question, t.Answer)));
        Assert.All(asked.Where(a => a.Question != "On which day?"), a => Assert.Empty(a.History));
    }

    [Fact]
    public async Task RunAsync_InParallel_GivesTheSameVerdictsInTheSameOrder()
    {
        var cases = Cases(KeywordAnswers.Script);
        var serial = await EvalRunner.RunAsync(cases, new InProcessTarget(KeywordAnswers.Create()), 1, null, CancellationToken.None);

        var finished = 0;
        var parallel = await EvalRunner.RunAsync(cases, new InProcessTarget(KeywordAnswers.Create()), 4, _ => Interlocked.Increment(ref finished), CancellationToken.None);

        Assert.Equal(serial.Cases.Select(c => (c.Case.Id, c.Passed)), parallel.Cases.Select(c => (c.Case.Id, c.Passed)));
        Assert.Equal(cases.Count, finished);
    }

    [Fact]
    public async Task RunAsync_AnAnswerStepThatThrows_FailsOnlyThatCase_AndStopsItsConversation()
    {
        var answers = KeywordAnswers.Create();
        var cases = Cases("""
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
            """);

        var run = await EvalRunner.RunAsync(cases, new InProcessTarget(answers), 1, null, CancellationToken.None);

        var broken = run.Cases[0];
        Assert.False(broken.Passed);
        Assert.Equal("InvalidOperationException: the answer step broke", broken.Error);
        Assert.Null(Assert.Single(broken.Turns).Reply);
        Assert.True(run.Cases[1].Passed);
        Assert.Equal(2, answers.Asked.Count);
    }

    [Fact]
    public async Task RunAsync_WhenCancelled_Stops()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            EvalRunner.RunAsync(Cases(KeywordAnswers.Script), new InProcessTarget(KeywordAnswers.Create()), 1, null, cancelled.Token));
    }

    internal static List<EvalCase> Cases(string yaml)
    {
        var errors = new List<ScriptError>();
        var suite = QaScriptLoader.Load("keywords.qa.yaml", yaml, TestArticles.Catalog.Ids, errors);
        Assert.Empty(errors);
        return [.. suite!.Cases];
    }
}
