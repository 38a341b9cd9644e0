using SummitBot.Tests.Evaluation.Support;

namespace SummitBot.Tests.Evaluation;

/// <summary>
/// The held-out suite, <c>tests/qa/summit.heldout.qa.yaml</c> (issue 9): questions worded as users word them,
/// written from the articles alone and never tuned against. These tests check only that it is well formed,
/// has the coverage the issue asks for and states what the cited articles say. Whether the bot passes it is
/// measured with <c>eval</c> and reported, never asserted here.
/// </summary>
public sealed class HeldOutSuiteTests
{
    private static readonly string SuitePath = QaSuiteFiles.PathOf("summit.heldout.qa.yaml");

    [Fact]
    public async Task HeldOutSuite_LoadsWithoutProblems()
    {
        var (suite, errors) = await QaSuiteFiles.LoadWithErrorsAsync(SuitePath);

        Assert.Empty(errors);
        Assert.NotNull(suite);
        Assert.Equal("summit-heldout", suite.Name);
    }

    [Fact]
    public async Task HeldOutSuite_CoversWhatTheIssueAsks()
    {
        var (suite, _) = await QaSuiteFiles.LoadAsync(SuitePath);

        Assert.True(suite.Cases.Count >= 40, $"{suite.Cases.Count} cases");
        Assert.True(suite.Cases.Count(QaSuiteFiles.IsRefusal) >= 12, "at least 12 questions to refuse");
        Assert.True(suite.Cases.Count(QaSuiteFiles.IsConversation) >= 6, "at least 6 conversations");
    }

    [Fact]
    public async Task HeldOutSuite_AsksNoQuestionTheShippedSuiteAsks()
    {
        var (heldOut, _) = await QaSuiteFiles.LoadAsync(SuitePath);
        var (shipped, _) = await QaSuiteFiles.LoadAsync(QaSuiteFiles.PathOf("summit.qa.yaml"));
        var shippedQuestions = shipped.Cases.SelectMany(c => c.Turns).Select(t => Key(t.Ask)).ToHashSet(StringComparer.Ordinal);
        var shippedIds = shipped.Cases.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

        var repeated = heldOut.Cases.SelectMany(c => c.Turns).Select(t => t.Ask).Where(a => shippedQuestions.Contains(Key(a))).ToList();
        var sharedIds = heldOut.Cases.Select(c => c.Id).Where(shippedIds.Contains).ToList();

        Assert.True(repeated.Count == 0, $"asked in summit.qa.yaml too: {string.Join(" | ", repeated)}");
        Assert.True(sharedIds.Count == 0, $"ids used in summit.qa.yaml too: {string.Join(", ", sharedIds)}");
    }

    [Fact]
    public async Task HeldOutSuite_StatesOnlyWhatTheCitedArticlesSay()
    {
        var (suite, articles) = await QaSuiteFiles.LoadAsync(SuitePath);
        var problems = QaSuiteFiles.Misstatements(suite, articles);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task HeldOutSuite_EveryAnswerCaseCitesAnArticle_AndNoRefusalCitesOne()
    {
        var (suite, _) = await QaSuiteFiles.LoadAsync(SuitePath);
        var turns = suite.Cases.SelectMany(c => QaSuiteFiles.Expectations(c).Select(e => (c.Id, Expect: e))).ToList();

        Assert.All(turns.Where(t => t.Expect.Refuses != true), t => Assert.True(t.Expect.Cites.Count > 0 && t.Expect.Any.Count > 0, $"{t.Id}: an answer turn states 'any' and 'cites'"));
        Assert.All(turns.Where(t => t.Expect.Refuses == true), t => Assert.Empty(t.Expect.Cites));
    }

    /// <summary>A question as compared with another: letters and digits only, lower case.</summary>
    private static string Key(string ask) => new([.. ask.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
