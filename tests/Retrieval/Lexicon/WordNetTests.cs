using SummitBot.Retrieval.Lexicon;

namespace SummitBot.Tests.Retrieval.Lexicon;

public sealed class WordNetTests : IDisposable
{
    private readonly WordNetFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Load_ReadsLemmasInLowerCase_SkippingTheLicenceHeader()
    {
        var wordNet = WordNet.Load(fixture.Folder);

        Assert.True(wordNet.Contains("tokyo"));
        Assert.True(wordNet.Contains("national_capital"));
        Assert.False(wordNet.Contains("Tokyo"));
        Assert.False(wordNet.Contains("1"));
    }

    [Fact]
    public void IsPresent_IsFalseForAFolderWithoutTheDatabase()
    {
        Assert.True(WordNet.IsPresent(fixture.Folder));
        Assert.False(WordNet.IsPresent(Path.GetTempPath()));
    }

    [Theory]
    [InlineData("talks", "talk")]
    [InlineData("cities", "city")]
    [InlineData("led", "lead")]
    [InlineData("stopped", "stop")]
    [InlineData("Tokyo’s", "tokyo")]
    [InlineData("leaders", "leader")]
    public void BaseForms_FindTheLemmaOfAnInflectedWord(string word, string lemma) =>
        Assert.Contains(lemma, BaseForms.Of(word, WordNet.Load(fixture.Folder)));

    [Theory]
    [InlineData("cities", "city")]
    [InlineData("leaders", "leader")]
    public void NounBaseForms_FindTheSingularOfAPlural(string word, string lemma) =>
        Assert.Contains(lemma, BaseForms.OfNoun(word, WordNet.Load(fixture.Folder)));

    /// <summary>"Which city hosted…": "hosted" is a verb, so it names no kind of thing the answer could be.</summary>
    [Fact]
    public void NounBaseForms_LeaveOutVerbEndings() =>
        Assert.Empty(BaseForms.OfNoun("stopped", WordNet.Load(fixture.Folder)));

    [Fact]
    public void BaseForms_AreEmptyForAWordWordNetLacks() =>
        Assert.Empty(BaseForms.Of("Kang", WordNet.Load(fixture.Folder)));
}
