using System.Globalization;
using Spectre.Console;
using SummitBot.Evaluation.Running;

namespace SummitBot.Evaluation.Reporting;

/// <summary>The table and summary eval prints: one row per passing case, one per failing turn with the why.</summary>
public static class ConsoleReport
{
    private const int AnswerShownChars = 400;

    public static void Write(IAnsiConsole console, EvalRun run, EvalSummary summary)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(summary);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Case").AddColumn("Result").AddColumn("Failed expectation").AddColumn("Answer").AddColumn("Cited");
        var qualify = run.Cases.Select(c => c.Case.Suite).Distinct().Count() > 1;
        foreach (var result in run.Cases)
        {
            var name = qualify ? $"{result.Case.Suite}: {result.Case.Id}" : result.Case.Id;
            if (result.Passed)
            {
                table.AddRow(new Text(name), new Text("pass", new Style(Color.Green)), Empty(), Empty(), Empty());
                continue;
            }

            for (var i = 0; i < result.Turns.Count; i++)
            {
                var turn = result.Turns[i];
                if (turn.Passed)
                {
                    continue;
                }

                var label = result.Case.Turns.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"{name} (turn {i + 1})") : name;
                var why = turn.Error is { } error ? [$"error: {error}"] : turn.Failures;
                table.AddRow(
                    new Text(label),
                    run.IsKnownFailure(result) ? new Text("known", new Style(Color.Yellow)) : new Text("FAIL", new Style(Color.Red)),
                    new Text(string.Join("\n", why)),
                    new Text(Shorten(turn.Reply?.Text ?? string.Empty)),
                    new Text(turn.Reply is null ? string.Empty : string.Join("\n", turn.Reply.CitedArticleIds)));
            }
        }

        console.Write(table);
        console.WriteLine();
        console.WriteLine($"Pass rate:          {summary.Cases}, cases passed");
        console.WriteLine($"Refusal accuracy:   {summary.RefusalsRight}, turns that refused or answered as stated");
        console.WriteLine($"Citation accuracy:  {summary.CitationsSupported}, cited articles that contain an expected phrase");
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Latency:            p50 {summary.LatencyP50.TotalMilliseconds:0} ms, p95 {summary.LatencyP95.TotalMilliseconds:0} ms over {summary.Answers} answers"));
    }

    /// <summary>How the run stands against --known-failures: what failed outside the list, and what on it passes now.</summary>
    public static void WriteKnownFailures(IAnsiConsole console, KnownFailures known, KnownFailuresVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(verdict);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Known failures:     {verdict.StillFailing.Count} of the {known.Ids.Count} listed in {known.Path} still fail; {verdict.Unexpected.Count} case(s) failed outside the list"));
        if (verdict.Unexpected.Count > 0)
        {
            console.WriteLine($"Failed, not listed: {string.Join(", ", verdict.Unexpected)}");
        }

        if (verdict.NowPassing.Count > 0)
        {
            console.WriteLine($"Listed, now pass:   {string.Join(", ", verdict.NowPassing)} (take them off {known.Path})");
        }

        if (verdict.NotRun.Count > 0)
        {
            console.WriteLine($"Listed, not run:    {string.Join(", ", verdict.NotRun)} (in none of the suites given)");
        }
    }

    private static Text Empty() => new(string.Empty);

    private static string Shorten(string text) => text.Length <= AnswerShownChars ? text : text[..AnswerShownChars] + "…";
}
