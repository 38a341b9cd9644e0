using SummitBot.Hosting;
using SummitBot.Retrieval;

namespace SummitBot.Tests.Support;

/// <summary>
/// The search engine over the shipped corpus and the repository's WordNet (as the bot runs), its index in the
/// temp folder, opened once per test run.
/// </summary>
public static class TestEngine
{
    private static readonly Lazy<SearchEngine> Shipped = new(() =>
    {
        var options = new RetrievalOptions
        {
            ArticlesPath = TestCorpus.ArticlesFolder,
            IndexPath = Path.Combine(Path.GetTempPath(), $"summitbot-engine-{Environment.ProcessId}"),
            WordNetPath = Path.Combine(RepositoryRoot.Locate(), new RetrievalOptions().WordNetPath!),
        };
        return SearchEngine.OpenAsync(Path.GetTempPath(), options, CancellationToken.None).GetAwaiter().GetResult();
    });

    public static SearchEngine Load() => Shipped.Value;
}
