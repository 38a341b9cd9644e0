using Lucene.Net.Index;
using Lucene.Net.Search;
using SummitBot.Retrieval.Analysis;
using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Index;
using SummitBot.Retrieval.Passages;

namespace SummitBot.Tests.Retrieval.Index;

public sealed class PassageIndexTests : IDisposable
{
    private const string Tokyo = "Lee met Ishiba in Tokyo on Saturday.";
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summitbot-index-");
    private readonly List<PassageIndex> opened = [];

    private string IndexPath => Path.Combine(folder.FullName, "index");

    [Fact]
    public void MissingIndex_IsBuilt_ThenReusedWhileTheCorpusIsUnchanged()
    {
        var first = Open(Corpus(Tokyo));
        var second = Open(Corpus(Tokyo));

        Assert.True(first.WasRebuilt);
        Assert.False(second.WasRebuilt);
        Assert.Equal(first.Generation, second.Generation);
    }

    [Fact]
    public void ChangedCorpus_RebuildsTheIndexInAFreshFolder_AndServesTheNewText()
    {
        var old = Open(Corpus(Tokyo));

        var changed = Open(Corpus("Lee met Ishiba in Osaka on Sunday."));

        Assert.True(changed.WasRebuilt);
        Assert.NotEqual(old.Generation, changed.Generation);
        Assert.NotEmpty(changed.Search(Term("osaka"), 5));
        Assert.Empty(changed.Search(Term("tokyo"), 5));
        Assert.NotEmpty(old.Search(Term("tokyo"), 5));   // a reader of the old generation keeps working
    }

    [Fact]
    public void ChangedPassageSettings_RebuildTheIndex()
    {
        var corpus = Corpus("One sentence here. Two sentences here. Three sentences here.");
        Open(corpus, new PassageOptions { Sentences = 3 });

        Assert.True(Open(corpus, new PassageOptions { Sentences = 2 }).WasRebuilt);
    }

    [Fact]
    public void OtherIrregularForms_RebuildTheIndex()
    {
        Open(Corpus(Tokyo));

        var rebuilt = PassageIndex.OpenOrBuild(Corpus(Tokyo), IndexPath, new PassageOptions(), new PassageAnalyzer(IrregularForms.Parse(["met meet"])), CancellationToken.None);
        opened.Add(rebuilt);

        Assert.True(rebuilt.WasRebuilt);
        Assert.NotEmpty(rebuilt.Search(Term("meet"), 5));
    }

    [Theory]
    [InlineData("not a generation")]
    [InlineData("generation-missing")]
    [InlineData("../../etc")]
    public void ForeignOrDanglingPointer_IsRebuilt_NotServed(string content)
    {
        Directory.CreateDirectory(IndexPath);
        File.WriteAllText(Path.Combine(IndexPath, "current"), content);

        var index = Open(Corpus(Tokyo));

        Assert.True(index.WasRebuilt);
        Assert.NotEmpty(index.Search(Term("tokyo"), 5));
    }

    [Fact]
    public void CorruptSegmentFiles_AreRebuilt_NotServed()
    {
        var first = Open(Corpus(Tokyo));
        first.Dispose();
        foreach (var file in Directory.GetFiles(Path.Combine(IndexPath, first.Generation)))
        {
            File.WriteAllText(file, "garbage");
        }

        var index = Open(Corpus(Tokyo));

        Assert.True(index.WasRebuilt);
        Assert.NotEmpty(index.Search(Term("tokyo"), 5));
    }

    [Fact]
    public void Rebuild_LeavesOnlyThePointerAndGenerationFolders()
    {
        Open(Corpus(Tokyo));

        Assert.Equal(["current"], Directory.GetFiles(IndexPath).Select(Path.GetFileName));
        Assert.All(Directory.GetDirectories(IndexPath), d => Assert.StartsWith("generation-", Path.GetFileName(d), StringComparison.Ordinal));
    }

    [Fact]
    public void CancelledBuild_LeavesTheLastGoodIndexInPlace()
    {
        var good = Open(Corpus(Tokyo));

        Assert.ThrowsAny<OperationCanceledException>(() =>
            PassageIndex.OpenOrBuild(Corpus("Something else entirely."), IndexPath, new PassageOptions(), PassageAnalyzer.Plain, new CancellationToken(canceled: true)));

        var reopened = Open(Corpus(Tokyo));
        Assert.False(reopened.WasRebuilt);
        Assert.Equal(good.Generation, reopened.Generation);
    }

    [Fact]
    public void ConceptKeysGivenAtBuild_AreReturnedWithEachHit()
    {
        var passages = PassageSplitter.Split(Corpus(Tokyo).Articles[0], new PassageOptions());
        var index = PassageIndex.Build(passages, IndexPath, PassageAnalyzer.Plain, "fingerprint", _ => ["alias:1", "tokyo"], _ => { }, null, CancellationToken.None);
        opened.Add(index);

        var hit = Assert.Single(index.Search(Term("tokyo"), 5));

        Assert.Equal(["alias:1", "tokyo"], hit.Concepts.Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        opened.ForEach(i => i.Dispose());
        folder.Delete(recursive: true);
    }

    private PassageIndex Open(Corpus corpus, PassageOptions? options = null)
    {
        var index = PassageIndex.OpenOrBuild(corpus, IndexPath, options ?? new PassageOptions(), PassageAnalyzer.Plain, CancellationToken.None);
        opened.Add(index);
        return index;
    }

    private static TermQuery Term(string stem) => new(new Term(PassageFields.Text, stem));

    private static Corpus Corpus(string text) =>
        new([new Article("a", new ArticleMetadata("A", false, null, null, null, null, null), text)]);
}
