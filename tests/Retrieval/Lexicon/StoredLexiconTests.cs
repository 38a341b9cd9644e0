using SummitBot.Retrieval.Lexicon;

namespace SummitBot.Tests.Retrieval.Lexicon;

/// <summary>What is kept of WordNet beside the index answers as WordNet would for the corpus it was distilled for.</summary>
public sealed class StoredLexiconTests : IDisposable
{
    private readonly WordNetFixture fixture = new();
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summitbot-lexicon-");

    public void Dispose()
    {
        fixture.Dispose();
        folder.Delete(recursive: true);
    }

    [Fact]
    public void WrittenAndReadBack_AnswersAsWordNetDoesForTheCorpusWords()
    {
        var wordNet = WordNet.Load(fixture.Folder);
        var thesaurus = Thesaurus.Build(wordNet, [("discuss", "discuss-key"), ("tokyo", "tokyo-key")]);
        StoredLexicon.Distil(wordNet, ["tokyo"], thesaurus).Write(folder.FullName);

        var stored = StoredLexicon.Read(folder.FullName);

        Assert.True(stored.IsPresent);
        Assert.True(stored.Contains("call_off"));
        Assert.Equal("lead", stored.Irregular.LemmaOf("led"));
        Assert.Equal(wordNet.KindsNamed("city"), stored.KindsNamed("city"));
        Assert.True(stored.IsKindOf("tokyo", stored.KindsNamed("city")));
        Assert.Equal(thesaurus.Related(["talk"]), stored.Thesaurus.Related(["talk"]));
    }

    [Fact]
    public void KindsNoCorpusWordBelongsTo_AreNotKept()
    {
        var wordNet = WordNet.Load(fixture.Folder);

        var stored = StoredLexicon.Distil(wordNet, ["tokyo"], Thesaurus.None);

        Assert.NotEmpty(stored.KindsNamed("city"));
        Assert.Empty(stored.KindsNamed("compensation"));
    }

    [Fact]
    public void AFolderWithoutOne_ReadsAsEmpty() =>
        Assert.False(StoredLexicon.Read(folder.FullName).IsPresent);
}
