using SummitBot.Retrieval;
using SummitBot.Tests.Retrieval.Lexicon;

namespace SummitBot.Tests.Retrieval;

/// <summary>Opening the engine: WordNet is read to build the index, and not again while the index is current.</summary>
public sealed class SearchEngineTests : IDisposable
{
    private readonly WordNetFixture fixture = new();
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("summitbot-engine-");

    public void Dispose()
    {
        fixture.Dispose();
        root.Delete(recursive: true);
    }

    [Fact]
    public async Task CurrentIndex_IsOpenedWithoutReadingWordNet_AndRelatesWordsAsBefore()
    {
        var options = Options();
        string[] before;
        using (var built = await SearchEngine.OpenAsync(root.FullName, options, CancellationToken.None))
        {
            Assert.True(built.Index.WasRebuilt);
            before = [.. built.Query("Why did Ishiba call off the trade deal?").Concepts.SelectMany(c => c.Related.Keys)];
        }

        // Same sizes, unreadable content: opening must not parse them.
        foreach (var file in Directory.GetFiles(fixture.Folder, "data.*"))
        {
            File.WriteAllText(file, new string('#', (int)new FileInfo(file).Length));
        }

        using var reopened = await SearchEngine.OpenAsync(root.FullName, options, CancellationToken.None);

        Assert.False(reopened.Index.WasRebuilt);
        Assert.True(reopened.HasLexicon);
        Assert.NotEmpty(before);
        Assert.Equal(before, reopened.Query("Why did Ishiba call off the trade deal?").Concepts.SelectMany(c => c.Related.Keys));
    }

    [Fact]
    public async Task WordNetAppearing_RebuildsTheIndexWithIt()
    {
        var options = Options();
        using (var without = await SearchEngine.OpenAsync(root.FullName, new RetrievalOptions { ArticlesPath = options.ArticlesPath, IndexPath = options.IndexPath, WordNetPath = "absent" }, CancellationToken.None))
        {
            Assert.False(without.HasLexicon);
        }

        using var with = await SearchEngine.OpenAsync(root.FullName, options, CancellationToken.None);

        Assert.True(with.Index.WasRebuilt);
        Assert.True(with.HasLexicon);
    }

    [Fact]
    public async Task DamagedKeptArticles_AreParsedAgain_AndTheIndexRebuilt()
    {
        var options = Options();
        string folder;
        using (var built = await SearchEngine.OpenAsync(root.FullName, options, CancellationToken.None))
        {
            folder = built.Index.Folder;
        }

        File.WriteAllText(Path.Combine(folder, "corpus.jsonl"), "{ damaged");
        using var reopened = await SearchEngine.OpenAsync(root.FullName, options, CancellationToken.None);

        Assert.True(reopened.Index.WasRebuilt);
        Assert.Equal(["a"], reopened.Corpus.Articles.Select(a => a.Id));
    }

    private RetrievalOptions Options()
    {
        var articles = Directory.CreateDirectory(Path.Combine(root.FullName, "articles"));
        File.WriteAllText(Path.Combine(articles.FullName, "a.txt"), "Lee and Ishiba discussed trade in Tokyo. They cancelled the tariff plan.");
        return new RetrievalOptions { ArticlesPath = "articles", IndexPath = "index", WordNetPath = fixture.Folder };
    }
}
