using SummitBot.Evaluation.Running;
using SummitBot.Evaluation.Scripts;
using SummitBot.Evaluation.Targets;

namespace SummitBot.Tests.Evaluation.Support;

/// <summary>Hand-made run results with known latencies, for the reports.</summary>
internal static class Runs
{
    public static readonly DateTimeOffset Started = new(2025, 8, 25, 9, 0, 0, TimeSpan.Zero);

    public static Expectation Expect(string[]? any = null, string[]? cites = null, bool? refuses = null) =>
        new(any ?? [], [], [], cites ?? [], refuses);

    public static CaseResult Case(string id, string suite = "summit", params (EvalTurn Turn, BotReply? Reply, int Ms, string? Error)[] turns)
    {
        var evalCase = new EvalCase(suite, id, $"{suite}.qa.yaml", 3, [.. turns.Select(t => t.Turn)]);
        return new CaseResult(evalCase, [.. turns.Select(t => new TurnResult(
            t.Turn, t.Reply, TimeSpan.FromMilliseconds(t.Ms), t.Reply is null ? [] : t.Turn.Check.Verify(t.Reply), t.Error))]);
    }

    public static (EvalTurn, BotReply?, int, string?) Turn(string ask, Expectation expect, BotReply? reply, int ms, string? error = null) =>
        (new EvalTurn(ask, expect), reply, ms, error);

    public static BotReply Reply(string text, params string[] cited) => new([text], cited.Length > 0, cited);

    /// <summary>Four cases: a pass, a refusal pass, a failure (wrong city, cites the wrong article), an error.</summary>
    public static EvalRun Mixed() => new(
    [
        Case("venue", "summit", Turn("Where?", Expect(any: ["Tokyo"], cites: [TestArticles.Venue]), Reply("In Tokyo [1].", TestArticles.Venue), 100)),
        Case("off-topic", "summit", Turn("World Cup?", Expect(refuses: true), Reply("Not covered."), 40)),
        Case("wrong", "summit", Turn("Where exactly?", Expect(any: ["Tokyo"], refuses: false), Reply("In Osaka [1].", TestArticles.Trade), 300)),
        Case("broken", "other", Turn("Crash?", Expect(any: ["x"]), null, 10, "HttpRequestException: the bot answered HTTP 500")),
    ], Started, TimeSpan.FromMilliseconds(1234));
}
