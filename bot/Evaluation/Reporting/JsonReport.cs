using System.Text.Json;
using SummitBot.Evaluation.Running;

namespace SummitBot.Evaluation.Reporting;

/// <summary>The machine-readable report: the summary, then every case with every turn's answer and verdict.</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static ReportDocument Build(EvalRun run, EvalSummary summary, ReportAnswerer answerer)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(summary);
        return new ReportDocument(
            run.Started,
            Milliseconds(run.Elapsed),
            answerer with { FellBack = ReportAnswerer.FallbacksIn(run) },
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
                    t.Reply?.By?.ToString(),
                    Milliseconds(t.Latency),
                    t.Failures,
                    t.Error))]))]);
    }

    public static async Task WriteAsync(EvalRun run, EvalSummary summary, ReportAnswerer answerer, string path, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, Build(run, summary, answerer), Options, cancellationToken).ConfigureAwait(false);
    }

    private static double Milliseconds(TimeSpan time) => Math.Round(time.TotalMilliseconds, 1);
}

public sealed record ReportDocument(DateTimeOffset Started, double DurationMs, ReportAnswerer Answerer, ReportSummary Summary, IReadOnlyList<ReportCase> Cases);

/// <summary>What answered: the step ("extractive", "chat", or "endpoint" for a running bot), the model, and how often the chat step fell back.</summary>
/// <param name="Model">The chat model or Azure deployment, never its key; null for the extractive step.</param>
public sealed record ReportAnswerer(string Step, string? Model, int FellBack = 0)
{
    public static int FallbacksIn(EvalRun run) =>
        run?.Cases.SelectMany(c => c.Turns).Count(t => t.Reply?.By == Answering.AnsweredBy.ExtractiveFallback) ?? 0;

    /// <summary>One line for the console report.</summary>
    public string Describe(EvalRun run) => Step switch
    {
        "chat" => $"Answer step:        chat ({Model}); {FallbacksIn(run)} answer(s) fell back to the extractive step",
        "endpoint" => "Answer step:        the bot at --endpoint",
        "directline" => "Answer step:        the bot behind --directline",
        _ => $"Answer step:        {Step}",
    };
}

/// <param name="PassRate">Shares are 0..1, or null when there was nothing to measure.</param>
public sealed record ReportSummary(
    int Cases, int Passed, int Failed, double? PassRate, double? RefusalAccuracy, double? CitationAccuracy, double LatencyP50Ms, double LatencyP95Ms);

public sealed record ReportCase(string Suite, string Id, string File, int? Line, bool Passed, double DurationMs, IReadOnlyList<ReportTurn> Turns);

/// <param name="Answer">Null when asking failed; <paramref name="Error"/> says why.</param>
/// <param name="AnsweredBy">Extractive, ChatModel or ExtractiveFallback in-process; null from an endpoint.</param>
public sealed record ReportTurn(
    string Ask, bool Passed, string? Answer, bool? Grounded, IReadOnlyList<string> Cited, string? AnsweredBy, double LatencyMs, IReadOnlyList<string> Failures, string? Error);
