using Microsoft.Data.Sqlite;
using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Index;
using SummitBot.Retrieval.Passages;

namespace SummitBot.Tests.Retrieval.Index;

public sealed class PassageIndexTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summitbot-index-");

    private string IndexPath => Path.Combine(folder.FullName, "index.db");

    [Fact]
    public async Task MissingIndex_IsBuilt_ThenReusedWhileTheCorpusIsUnchanged()
    {
        var corpus = Corpus("Lee met Ishiba in Tokyo on Saturday.");

        var first = await PassageIndex.OpenOrBuildAsync(corpus, IndexPath, new PassageOptions(), CancellationToken.None);
        var second = await PassageIndex.OpenOrBuildAsync(corpus, IndexPath, new PassageOptions(), CancellationToken.None);

        Assert.True(first.WasRebuilt);
        Assert.False(second.WasRebuilt);
    }

    [Fact]
    public async Task ChangedCorpus_RebuildsTheIndex_AndServesTheNewText()
    {
        await PassageIndex.OpenOrBuildAsync(Corpus("Lee met Ishiba in Tokyo on Saturday."), IndexPath, new PassageOptions(), CancellationToken.None);

        var changed = await PassageIndex.OpenOrBuildAsync(Corpus("Lee met Ishiba in Osaka on Sunday."), IndexPath, new PassageOptions(), CancellationToken.None);

        Assert.True(changed.WasRebuilt);
        Assert.NotEmpty(await changed.MatchAsync("\"osaka\"", 5, CancellationToken.None));
        Assert.Empty(await changed.MatchAsync("\"tokyo\"", 5, CancellationToken.None));
    }

    [Fact]
    public async Task ChangedPassageSettings_RebuildTheIndex()
    {
        var corpus = Corpus("One sentence here. Two sentences here. Three sentences here.");
        await PassageIndex.OpenOrBuildAsync(corpus, IndexPath, new PassageOptions { Sentences = 3 }, CancellationToken.None);

        var rebuilt = await PassageIndex.OpenOrBuildAsync(corpus, IndexPath, new PassageOptions { Sentences = 2 }, CancellationToken.None);

        Assert.True(rebuilt.WasRebuilt);
    }

    [Theory]
    [InlineData("this is not a database at all")]
    [InlineData("SQLite format 3\0 but truncated garbage follows")]
    public async Task ForeignOrCorruptFile_IsRebuilt_NotServed(string content)
    {
        await File.WriteAllTextAsync(IndexPath, content);

        var index = await PassageIndex.OpenOrBuildAsync(Corpus("Lee met Ishiba in Tokyo on Saturday."), IndexPath, new PassageOptions(), CancellationToken.None);

        Assert.True(index.WasRebuilt);
        Assert.NotEmpty(await index.MatchAsync("\"tokyo\"", 5, CancellationToken.None));
    }

    [Fact]
    public async Task SomeoneElsesSqliteDatabase_IsRebuilt()
    {
        await using (var other = new SqliteConnection($"Data Source={IndexPath};Pooling=False"))
        {
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE customers (id INTEGER, name TEXT);";
            await command.ExecuteNonQueryAsync();
        }

        var index = await PassageIndex.OpenOrBuildAsync(Corpus("Lee met Ishiba in Tokyo on Saturday."), IndexPath, new PassageOptions(), CancellationToken.None);

        Assert.True(index.WasRebuilt);
    }

    [Fact]
    public async Task Rebuild_LeavesNoTemporaryFilesBehind()
    {
        await PassageIndex.OpenOrBuildAsync(Corpus("Lee met Ishiba in Tokyo on Saturday."), IndexPath, new PassageOptions(), CancellationToken.None);

        Assert.Equal(["index.db"], folder.GetFiles().Select(f => f.Name));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private static Corpus Corpus(string text) =>
        new([new Article("a", new ArticleMetadata("A", false, null, null, null, null, null), text)]);
}
