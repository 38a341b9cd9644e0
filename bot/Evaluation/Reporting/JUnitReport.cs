using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using SummitBot.Evaluation.Running;

namespace SummitBot.Evaluation.Reporting;

/// <summary>
/// The usual JUnit XML: testsuites, a testsuite per file, a testcase per case with a failure (unmet
/// expectations) or an error (the bot could not answer), and counts and times in seconds on each level. A case
/// listed by --known-failures that fails is skipped, saying why, as test runners report an expected failure.
/// Only the elements and attributes of the JUnit schema Jenkins' xUnit plugin validates against (its
/// dtkit junit-4.xsd; tests/Evaluation/Reporting/JUnitSchemaTests.cs checks): the file a suite came from is a
/// property, and where a case is written goes in its failure's text.
/// </summary>
public static class JUnitReport
{
    public static XDocument Build(EvalRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var suites = run.Cases.GroupBy(c => (c.Case.Suite, c.Case.File)).Select(group => Suite(run, group.Key.Suite, group.Key.File, [.. group]));
        return new XDocument(new XElement("testsuites",
            new XAttribute("name", "eval"),
            Counts(run, run.Cases),
            new XAttribute("time", Seconds(run.Elapsed)),
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

    private static XElement Suite(EvalRun run, string name, string file, IReadOnlyList<CaseResult> cases) =>
        new("testsuite",
            new XAttribute("name", name),
            Counts(run, cases),
            new XAttribute("skipped", cases.Count(run.IsKnownFailure)),
            new XAttribute("time", Seconds(TimeSpan.FromTicks(cases.Sum(c => c.Duration.Ticks)))),
            new XAttribute("timestamp", Timestamp(run.Started)),
            new XElement("properties", new XElement("property", new XAttribute("name", "file"), new XAttribute("value", file))),
            cases.Select(c => TestCase(run, name, c)));

    private static XElement TestCase(EvalRun run, string suite, CaseResult result)
    {
        var element = new XElement("testcase",
            new XAttribute("name", result.Case.Id),
            new XAttribute("classname", suite),
            new XAttribute("time", Seconds(result.Duration)));
        if (run.IsKnownFailure(result))
        {
            // The schema's skipped is text only: the reason, then what happened.
            element.Add(new XElement("skipped", $"known failure (listed in {run.Known!.Path}): {FirstProblem(result)}\n\n{Details(result)}"));
        }
        else if (result.Error is { } error)
        {
            element.Add(new XElement("error", new XAttribute("message", error), new XAttribute("type", "error"), Details(result)));
        }
        else if (!result.Passed)
        {
            element.Add(new XElement("failure", new XAttribute("message", FirstProblem(result)), new XAttribute("type", "expectation"), Details(result)));
        }

        return element;
    }

    private static string FirstProblem(CaseResult result) => result.Error ?? result.Turns.First(t => !t.Passed).Failures[0];

    /// <summary>Where the case is written, then every turn up to the failure: what was asked, what came back, and what did not hold.</summary>
    private static string Details(CaseResult result) => Location(result) + string.Join("\n\n", result.Turns.Select((turn, i) =>
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

    private static string Location(CaseResult result) =>
        result.Case.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"at {result.Case.File}:{line}\n\n") : $"at {result.Case.File}\n\n";

    private static XAttribute[] Counts(EvalRun run, IReadOnlyCollection<CaseResult> cases) =>
    [
        new("tests", cases.Count),
        new("failures", cases.Count(c => !c.Passed && c.Error is null && !run.IsKnownFailure(c))),
        new("errors", cases.Count(c => c.Error is not null && !run.IsKnownFailure(c))),
    ];

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
