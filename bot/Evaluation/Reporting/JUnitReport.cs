using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using SummitBot.Evaluation.Running;

namespace SummitBot.Evaluation.Reporting;

/// <summary>
/// The usual JUnit XML: testsuites, a testsuite per file, a testcase per case with a failure (unmet
/// expectations) or an error (the bot could not answer), and counts and times in seconds on each level.
/// </summary>
public static class JUnitReport
{
    public static XDocument Build(EvalRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var suites = run.Cases.GroupBy(c => (c.Case.Suite, c.Case.File)).Select(group => Suite(group.Key.Suite, group.Key.File, [.. group], run.Started));
        return new XDocument(new XElement("testsuites",
            new XAttribute("name", "eval"),
            Counts(run.Cases),
            new XAttribute("time", Seconds(run.Elapsed)),
            new XAttribute("timestamp", Timestamp(run.Started)),
            suites));
    }

    public static async Task WriteAsync(EvalRun run, string path, CancellationToken cancellationToken)
    {
        // No byte-order mark: some CI readers of JUnit files do not expect one.
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) };
        await using var stream = File.Create(path);
        await using var writer = XmlWriter.Create(stream, settings);
        await Build(run).SaveAsync(writer, cancellationToken).ConfigureAwait(false);
    }

    private static XElement Suite(string name, string file, IReadOnlyList<CaseResult> cases, DateTimeOffset started) =>
        new("testsuite",
            new XAttribute("name", name),
            Counts(cases),
            new XAttribute("skipped", 0),
            new XAttribute("time", Seconds(TimeSpan.FromTicks(cases.Sum(c => c.Duration.Ticks)))),
            new XAttribute("timestamp", Timestamp(started)),
            new XAttribute("file", file),
            cases.Select(c => TestCase(name, c)));

    private static XElement TestCase(string suite, CaseResult result)
    {
        var element = new XElement("testcase",
            new XAttribute("name", result.Case.Id),
            new XAttribute("classname", suite),
            new XAttribute("time", Seconds(result.Duration)));
        if (result.Case.Line is { } line)
        {
            element.Add(new XAttribute("file", result.Case.File), new XAttribute("line", line));
        }

        if (result.Error is { } error)
        {
            element.Add(new XElement("error", new XAttribute("message", error), new XAttribute("type", "error"), Details(result)));
        }
        else if (!result.Passed)
        {
            var first = result.Turns.First(t => !t.Passed).Failures[0];
            element.Add(new XElement("failure", new XAttribute("message", first), new XAttribute("type", "expectation"), Details(result)));
        }

        return element;
    }

    /// <summary>Every turn up to the failure: what was asked, what came back, and what did not hold.</summary>
    private static string Details(CaseResult result) => string.Join("\n\n", result.Turns.Select((turn, i) =>
    {
        var lines = new List<string> { string.Create(CultureInfo.InvariantCulture, $"turn {i + 1}: {turn.Turn.Ask}") };
        if (turn.Reply is { } reply)
        {
            lines.Add($"answer: {reply.Text}");
            lines.Add($"cited: {(reply.CitedArticleIds.Count == 0 ? "nothing" : string.Join(", ", reply.CitedArticleIds))}");
        }

        lines.AddRange(turn.Failures.Select(f => $"failed {f}"));
        if (turn.Error is { } error)
        {
            lines.Add($"error: {error}");
        }

        return string.Join("\n", lines);
    }));

    private static XAttribute[] Counts(IReadOnlyCollection<CaseResult> cases) =>
    [
        new("tests", cases.Count),
        new("failures", cases.Count(c => !c.Passed && c.Error is null)),
        new("errors", cases.Count(c => c.Error is not null)),
    ];

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
