using System.Globalization;
using SummitBot.Evaluation.Running;

namespace SummitBot.Evaluation.Reporting;

/// <summary>
/// The numbers under the table. Each is a count out of a total, so a report can say "n/a" when a run had
/// nothing to measure (no refusal stated, no citation to check) instead of a misleading 100%.
/// </summary>
/// <param name="RefusalsRight">Turns that state <c>refuses</c> and where the bot refused, or answered, as stated.</param>
/// <param name="CitationsSupported">Cited articles that contain one of their turn's expected phrases, out of
/// every article cited by a turn that states phrases.</param>
/// <param name="LatencyP50">Nearest-rank percentiles over every answered question.</param>
public sealed record EvalSummary(
    Ratio Cases,
    Ratio RefusalsRight,
    Ratio CitationsSupported,
    int Answers,
    TimeSpan LatencyP50,
    TimeSpan LatencyP95)
{
    public static EvalSummary From(EvalRun run, ArticleCatalog articles)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(articles);
        var answered = run.Cases.SelectMany(c => c.Turns).Where(t => t.Reply is not null).ToList();

        var refusalTurns = answered.Where(t => t.Turn.Check.ExpectsRefusal is not null).ToList();
        var refusalsRight = refusalTurns.Count(t => t.Turn.Check.ExpectsRefusal == true ? t.Reply!.Refused : t.Reply!.Grounded);

        var citationChecks = answered
            .Where(t => t.Turn.Check.ExpectedPhrases.Count > 0)
            .SelectMany(t => t.Reply!.CitedArticleIds.Select(id => t.Turn.Check.ExpectedPhrases.Any(p => articles.Says(id, p))))
            .ToList();

        var latencies = answered.Select(t => t.Latency).Order().ToList();
        return new EvalSummary(
            new Ratio(run.Cases.Count(c => c.Passed), run.Cases.Count),
            new Ratio(refusalsRight, refusalTurns.Count),
            new Ratio(citationChecks.Count(supported => supported), citationChecks.Count),
            latencies.Count,
            Percentile(latencies, 50),
            Percentile(latencies, 95));
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, int percent) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
}

/// <summary>A count out of a total; <see cref="Share"/> is null when there was nothing to count.</summary>
public sealed record Ratio(int Count, int Total)
{
    public double? Share => Total == 0 ? null : (double)Count / Total;

    public override string ToString() => Share is { } share
        ? string.Create(CultureInfo.InvariantCulture, $"{Count}/{Total} ({share * 100:0.0}%)")
        : "n/a (nothing to measure)";
}
