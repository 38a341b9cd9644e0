using SummitBot.Evaluation;
using SummitBot.Evaluation.Scripts;
using SummitBot.Hosting;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Evaluation.Support;

/// <summary>
/// What the tests of the repository's own Q&amp;A suites (<c>tests/qa/*.qa.yaml</c>) share: loading a suite
/// against the shipped corpus, and checking that it states only what the articles it cites say.
/// </summary>
internal static class QaSuiteFiles
{
    public static string Root { get; } = RepositoryRoot.Locate();

    public static ArticleCatalog Articles => ArticleCatalog.From(TestCorpus.Load());

    public static string PathOf(string fileName) => Path.Combine(Root, "tests", "qa", fileName);

    public static async Task<(EvalSuite? Suite, IReadOnlyList<ScriptError> Errors)> LoadWithErrorsAsync(string path)
    {
        var (suites, errors) = await ScriptFiles.LoadAsync([path], Articles.Ids, CancellationToken.None);
        return (suites.SingleOrDefault(), errors);
    }

    /// <summary>Loads the suite, failing the test when the file has any problem.</summary>
    public static async Task<(EvalSuite Suite, ArticleCatalog Articles)> LoadAsync(string path)
    {
        var (suite, errors) = await LoadWithErrorsAsync(path);
        Assert.Empty(errors);
        return (suite!, Articles);
    }

    public static IEnumerable<Expectation> Expectations(EvalCase evalCase) =>
        evalCase.Turns.Select(t => (Expectation)t.Check);

    public static bool IsRefusal(EvalCase evalCase) => Expectations(evalCase).Any(e => e.Refuses == true);

    public static bool IsConversation(EvalCase evalCase) => evalCase.Turns.Count > 1;

    /// <summary>
    /// Where the suite says something the articles do not: a cited article containing none of the turn's
    /// <c>any</c> phrases, an <c>all</c> phrase no cited article contains, or a <c>none</c> phrase some
    /// article contains (a forbidden phrase is a sign of an answer from outside the articles).
    /// </summary>
    public static IReadOnlyList<string> Misstatements(EvalSuite suite, ArticleCatalog articles)
    {
        var problems = new List<string>();
        foreach (var (evalCase, expect) in suite.Cases.SelectMany(c => Expectations(c).Select(e => (c, e))))
        {
            foreach (var id in expect.Cites.Where(id => expect.Any.Count > 0 && !expect.Any.Any(p => articles.Says(id, p))))
            {
                problems.Add($"{evalCase.Id}: {id} contains none of its 'any' phrases");
            }

            foreach (var phrase in expect.All.Where(p => !expect.Cites.Any(id => articles.Says(id, p))))
            {
                problems.Add($"{evalCase.Id}: no cited article contains '{phrase}'");
            }

            foreach (var phrase in expect.None.Where(p => articles.Ids.Any(id => articles.Says(id, p))))
            {
                problems.Add($"{evalCase.Id}: an article contains the forbidden '{phrase}'");
            }
        }

        return problems;
    }
}
