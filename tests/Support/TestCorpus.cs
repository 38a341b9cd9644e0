using SummitBot.Hosting;
using SummitBot.Retrieval.Articles;

namespace SummitBot.Tests.Support;

/// <summary>The shipped corpus, loaded once per test run.</summary>
public static class TestCorpus
{
    private static readonly Lazy<Corpus> Shipped = new(() =>
        ArticleLoader.LoadFolderAsync(ArticlesFolder, CancellationToken.None).GetAwaiter().GetResult());

    public static string ArticlesFolder => Path.Combine(RepositoryRoot.Locate(), "articles");

    public static Corpus Load() => Shipped.Value;
}
