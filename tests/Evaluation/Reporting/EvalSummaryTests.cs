using SummitBot.Evaluation.Reporting;
using SummitBot.Evaluation.Running;
using SummitBot.Tests.Evaluation.Support;

namespace SummitBot.Tests.Evaluation.Reporting;

public sealed class EvalSummaryTests
{
    [Fact]
    public void From_AMixedRun_CountsPassesRefusalsAndCitationsThatHoldTheExpectedPhrase()
    {
        var summary = EvalSummary.From(Runs.Mixed(), TestArticles.Catalog);

        Assert.Equal(new Ratio(2, 4), summary.Cases);
        // "off-topic" refused as stated; "wrong" was grounded as stated.
        Assert.Equal(new Ratio(2, 2), summary.RefusalsRight);
        // The venue article says Tokyo; the trade article cited for "wrong" does not.
        Assert.Equal(new Ratio(1, 2), summary.CitationsSupported);
        Assert.Equal(3, summary.Answers);
    }

    [Fact]
    public void From_Latencies_TakesNearestRankPercentilesOfAnsweredQuestions()
    {
        var cases = Enumerable.Range(1, 20)
            .Select(ms => Runs.Case($"c{ms}", "summit", Runs.Turn("Where?", Runs.Expect(any: ["Tokyo"]), Runs.Reply("Tokyo"), ms)))
            .Append(Runs.Case("error", "summit", Runs.Turn("Crash?", Runs.Expect(any: ["x"]), null, 5000, "boom")))
            .ToList();

        var summary = EvalSummary.From(new EvalRun(cases, Runs.Started, TimeSpan.Zero), TestArticles.Catalog);

        Assert.Equal(TimeSpan.FromMilliseconds(10), summary.LatencyP50);
        Assert.Equal(TimeSpan.FromMilliseconds(19), summary.LatencyP95);
        Assert.Equal(20, summary.Answers);
    }

    [Fact]
    public void From_NothingToMeasure_SaysNotApplicable_RatherThanAPerfectScore()
    {
        var run = new EvalRun([Runs.Case("venue", "summit", Runs.Turn("Where?", Runs.Expect(any: ["Tokyo"]), Runs.Reply("Tokyo"), 1))], Runs.Started, TimeSpan.Zero);

        var summary = EvalSummary.From(run, TestArticles.Catalog);

        Assert.Null(summary.RefusalsRight.Share);
        Assert.Null(summary.CitationsSupported.Share);
        Assert.Equal("n/a (nothing to measure)", summary.CitationsSupported.ToString());
        Assert.Equal("1/1 (100.0%)", summary.Cases.ToString());
    }
}
