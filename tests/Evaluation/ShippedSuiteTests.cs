using SummitBot.Cli;
using SummitBot.Evaluation;
using SummitBot.Evaluation.Scripts;
using SummitBot.Tests.Evaluation.Support;
using Xunit.Abstractions;

namespace SummitBot.Tests.Evaluation;

/// <summary>
/// The suite evaluators run, <c>tests/qa/summit.qa.yaml</c>: that it is well formed, has the coverage the
/// issue asks for, states only what the articles say, and passes through the real answer step.
/// </summary>
public sealed class ShippedSuiteTests(ITestOutputHelper output)
{
    private static readonly string Root = QaSuiteFiles.Root;
    private static readonly string SuitePath = QaSuiteFiles.PathOf("summit.qa.yaml");

    [Fact]
    public async Task ShippedSuite_LoadsWithoutProblems()
    {
        var (suite, errors) = await LoadWithErrorsAsync();

        Assert.Empty(errors);
        Assert.NotNull(suite);
    }

    [Fact]
    public async Task ShippedSuite_CoversWhatTheIssueAsks()
    {
        var (suite, articles) = await LoadAsync();
        var expectations = suite.Cases.SelectMany(c => c.Turns).Select(t => (Expectation)t.Check).ToList();

        Assert.True(suite.Cases.Count >= 50, $"{suite.Cases.Count} cases");
        Assert.True(suite.Cases.Count(c => c.Turns.Count > 1) >= 8, "at least 8 conversations");
        Assert.True(suite.Cases.Count(c => c.Turns.Any(t => ((Expectation)t.Check).Refuses == true)) >= 8, "at least 8 questions to refuse");
        Assert.Contains(suite.Cases, c => c.Id.StartsWith("disagreement-", StringComparison.Ordinal));
        Assert.Equal(articles.Ids.Order(), expectations.SelectMany(e => e.Cites).Distinct().Order());

        var reworded = suite.Cases.Where(c => c.Id.EndsWith("-reworded", StringComparison.Ordinal)).ToList();
        Assert.True(reworded.Count >= 12, $"{reworded.Count} reworded cases");
        Assert.All(reworded, c =>
        {
            var original = suite.Cases.Single(o => o.Id == c.Id[..^"-reworded".Length]);
            Assert.NotEqual(original.Turns[0].Ask, c.Turns[0].Ask);
        });
    }

    [Fact]
    public async Task ShippedSuite_StatesOnlyWhatTheCitedArticlesSay()
    {
        var (suite, articles) = await LoadAsync();
        var problems = QaSuiteFiles.Misstatements(suite, articles);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// The issue's bar is that the whole suite passes in-process through the answer step the bot uses. Until it
    /// does, the cases that still fail are listed in summit.known-failures.txt, and this test holds the line:
    /// any other case failing is a regression, and a listed case that passes must come off the list. It runs the
    /// eval command itself, so a failure prints the same table an evaluator sees.
    /// </summary>
    [Fact]
    public async Task ShippedSuite_FailsNoCaseOutsideTheKnownFailures_AndEveryFixIsRecorded()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var report = Path.Combine(Path.GetTempPath(), $"summitbot-suite-{Guid.NewGuid():N}.json");
        try
        {
            var exit = await EvalCommand.RunAsync(
                new EvalRequest([SuitePath], Endpoint: null, JUnitPath: null, JsonPath: report, Parallel: Environment.ProcessorCount),
                CommandOutput.Plain(stdout, stderr),
                overrideServices: null,
                CancellationToken.None);
            output.WriteLine(stdout.ToString());
            Assert.True(exit is 0 or 1, $"eval exited {exit}{Environment.NewLine}{stderr}");

            using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(report));
            var failing = json.RootElement.GetProperty("cases").EnumerateArray()
                .Where(c => !c.GetProperty("passed").GetBoolean())
                .Select(c => c.GetProperty("id").GetString()!)
                .ToHashSet(StringComparer.Ordinal);
            var known = KnownFailures();

            var regressions = failing.Except(known).Order(StringComparer.Ordinal).ToList();
            var fixes = known.Except(failing).Order(StringComparer.Ordinal).ToList();
            Assert.True(regressions.Count == 0, $"cases that used to pass now fail: {string.Join(", ", regressions)}");
            Assert.True(fixes.Count == 0, $"cases that now pass; take them off summit.known-failures.txt: {string.Join(", ", fixes)}");
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static IReadOnlySet<string> KnownFailures() =>
        SummitBot.Evaluation.Running.KnownFailures.Parse(File.ReadAllLines(Path.Combine(Root, "tests", "qa", "summit.known-failures.txt")));

    private static Task<(EvalSuite Suite, ArticleCatalog Articles)> LoadAsync() => QaSuiteFiles.LoadAsync(SuitePath);

    private static Task<(EvalSuite? Suite, IReadOnlyList<ScriptError> Errors)> LoadWithErrorsAsync() =>
        QaSuiteFiles.LoadWithErrorsAsync(SuitePath);
}
