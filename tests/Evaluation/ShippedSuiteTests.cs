using SummitBot.Cli;
using SummitBot.Evaluation;
using SummitBot.Evaluation.Scripts;
using SummitBot.Hosting;
using SummitBot.Tests.Support;
using Xunit.Abstractions;

namespace SummitBot.Tests.Evaluation;

/// <summary>
/// The suite evaluators run, <c>tests/qa/summit.qa.yaml</c>: that it is well formed, has the coverage the
/// issue asks for, states only what the articles say, and passes through the real answer step.
/// </summary>
public sealed class ShippedSuiteTests(ITestOutputHelper output)
{
    private static readonly string Root = RepositoryRoot.Locate();
    private static readonly string SuitePath = Path.Combine(Root, "tests", "qa", "summit.qa.yaml");

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
        var problems = new List<string>();

        foreach (var (evalCase, expect) in suite.Cases.SelectMany(c => c.Turns.Select(t => (c, (Expectation)t.Check))))
        {
            foreach (var id in expect.Cites.Where(id => expect.Any.Count > 0 && !expect.Any.Any(p => articles.Says(id, p))))
            {
                problems.Add($"{evalCase.Id}: {id} contains none of its 'any' phrases");
            }

            foreach (var phrase in expect.All.Where(p => !expect.Cites.Any(id => articles.Says(id, p))))
            {
                problems.Add($"{evalCase.Id}: no cited article contains '{phrase}'");
            }

            // A forbidden phrase is a sign of an answer from outside the articles, so no article may contain it.
            foreach (var phrase in expect.None.Where(p => articles.Ids.Any(id => articles.Says(id, p))))
            {
                problems.Add($"{evalCase.Id}: an article contains the forbidden '{phrase}'");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// The issue's bar: the shipped suite passes in-process through the answer step the bot uses. Runs the
    /// eval command itself, so a failure prints the same table an evaluator sees.
    /// </summary>
    [Fact]
    public async Task ShippedSuite_PassesThroughTheRealAnswerStep()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await EvalCommand.RunAsync(
            new EvalRequest([SuitePath], Endpoint: null, JUnitPath: null, JsonPath: null, Parallel: Environment.ProcessorCount),
            EvalOutput.Plain(stdout, stderr),
            overrideServices: null,
            CancellationToken.None);

        output.WriteLine(stdout.ToString());
        Assert.True(exit == 0, $"eval exited {exit}{Environment.NewLine}{stderr}{stdout}");
    }

    private static async Task<(EvalSuite Suite, ArticleCatalog Articles)> LoadAsync()
    {
        var (suite, errors) = await LoadWithErrorsAsync();
        Assert.Empty(errors);
        return (suite!, Articles);
    }

    private static async Task<(EvalSuite? Suite, IReadOnlyList<ScriptError> Errors)> LoadWithErrorsAsync()
    {
        var (suites, errors) = await ScriptFiles.LoadAsync([SuitePath], Articles.Ids, CancellationToken.None);
        return (suites.SingleOrDefault(), errors);
    }

    private static ArticleCatalog Articles => ArticleCatalog.From(TestCorpus.Load());
}
