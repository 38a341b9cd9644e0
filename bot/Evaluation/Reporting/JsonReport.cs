using System.Text.Json;
using SummitBot.Evaluation.Running;

namespace SummitBot.Evaluation.Reporting;

/// <summary>The machine-readable report: the summary, then every case with every turn's answer and verdict.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static ReportDocument Build(EvalRun run, EvalSummary summary)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(summary);
        return new ReportDocument(
            run.Started,
            Milliseconds(run.Elapsed),
            new ReportSummary(
                summary.Cases.Total,
                summary.Cases.Count,
                summary.Cases.Total - summary.Cases.Count,
                summary.Cases.Share,
                summary.RefusalsRight.Share,
                summary.CitationsSupported.Share,
                Milliseconds(summary.LatencyP50),
                Milliseconds(summary.LatencyP95)),
            [.. run.Cases.Select(c => new ReportCase(
                c.Case.Suite,
                c.Case.Id,
                c.Case.File,
                c.Case.Line,
                c.Passed,
                Milliseconds(c.Duration),
                [.. c.Turns.Select(t => new ReportTurn(
                    t.Turn.Ask,
                    t.Passed,
                    t.Reply?.Text,
                    t.Reply?.Grounded,
                    t.Reply?.CitedArticleIds ?? [],
                    Milliseconds(t.Latency),
                    t.Failures,
                    t.Error))]))]);
    }

    public static async Task WriteAsync(EvalRun run, EvalSummary summary, string path, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, Build(run, summary), Options, cancellationToken).ConfigureAwait(false);
    }

    private static double Milliseconds(TimeSpan time) => Math.Round(time.TotalMilliseconds, 1);
}

public sealed record ReportDocument(DateTimeOffset Started, double DurationMs, ReportSummary Summary, IReadOnlyList<ReportCase> Cases);

/// <param name="PassRate">Shares are 0..1, or null when there was nothing to measure.</param>
public sealed record ReportSummary(
    int Cases, int Passed, int Failed, double? PassRate, double? RefusalAccuracy, double? CitationAccuracy, double LatencyP50Ms, double LatencyP95Ms);

public sealed record ReportCase(string Suite, string Id, string File, int? Line, bool Passed, double DurationMs, IReadOnlyList<ReportTurn> Turns);

/// <param name="Answer">Null when asking failed; <paramref name="Error"/> says why.</param>
public sealed record ReportTurn(
    string Ask, bool Passed, string? Answer, bool? Grounded, IReadOnlyList<string> Cited, double LatencyMs, IReadOnlyList<string> Failures, string? Error);
