using SummitBot.Retrieval;
using SummitBot.Retrieval.Lexicon;
using SummitBot.Retrieval.Text;
using SummitBot.Tests.Retrieval.Lexicon;

namespace SummitBot.Tests.Retrieval.Text;

public sealed class ConceptAnalyzerTests : IDisposable
{
    private static readonly AliasTable Aliases = AliasTable.Parse("- [Ishiba, Shigeru Ishiba]", "test aliases");
    private readonly WordNetFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Analyze_ReadsASetPhraseAsOneConcept_SoItIsNotTakenForItsFirstWord()
    {
        var analyzer = new ConceptAnalyzer(Aliases, wordNet: WordNet.Load(fixture.Folder));

        var concepts = analyzer.Analyze("Why did Ishiba call off the meeting?");

        Assert.Contains(concepts, c => c.Key == "wn:call_off" && c.Surface == "call off");
        Assert.DoesNotContain(concepts, c => c.Surface == "call");
    }

    [Fact]
    public void Analyze_ReadsAnInflectedSetPhrase()
    {
        var analyzer = new ConceptAnalyzer(Aliases, wordNet: WordNet.Load(fixture.Folder));

        Assert.Contains(analyzer.Analyze("Ishiba called off the talks."), c => c.Key == "wn:call_off");
    }

    [Fact]
    public void Analyze_WithoutWordNet_ReadsWordsOnly() =>
        Assert.Contains(new ConceptAnalyzer(Aliases).Analyze("Why did Ishiba call off the meeting?"), c => c.Surface == "call");

    [Fact]
    public void Expand_RelatesAQuestionWordToTheCorpusWordItStandsFor()
    {
        var wordNet = WordNet.Load(fixture.Folder);
        var analyzer = new ConceptAnalyzer(Aliases, wordNet: wordNet);
        var discussed = analyzer.Analyze("discussed").Single();
        var thesaurus = Thesaurus.Build(wordNet, analyzer.Lemmas(discussed).Select(l => (l, discussed.Key)));

        var talks = analyzer.WithThesaurus(thesaurus).Expand(analyzer.Analyze("talks")).Single();

        Assert.InRange(talks.BestIn(new HashSet<string> { discussed.Key, "other" }), 0.5, 0.99);
        Assert.Equal(1, talks.BestIn(new HashSet<string> { talks.Key, discussed.Key }));
        Assert.Equal(0, talks.BestIn(new HashSet<string> { "other" }));
    }

    [Fact]
    public void Expand_LeavesAliasConceptsAsTheyAre()
    {
        var wordNet = WordNet.Load(fixture.Folder);
        var analyzer = new ConceptAnalyzer(Aliases, wordNet: wordNet);
        var thesaurus = Thesaurus.Build(wordNet, [("discuss", "discuss")]);

        var ishiba = analyzer.WithThesaurus(thesaurus).Expand(analyzer.Analyze("Shigeru Ishiba")).Single();

        Assert.Empty(ishiba.Related);
    }

    [Fact]
    public void KindsNamed_ByANoun_AreMetByAThingOfThatKind()
    {
        var analyzer = new ConceptAnalyzer(Aliases, wordNet: WordNet.Load(fixture.Folder));

        var kinds = analyzer.KindsNamed("cities");
        var concepts = analyzer.Analyze("Lee met Ishiba in Tokyo to discuss trade.");

        Assert.NotEmpty(kinds);
        Assert.True(analyzer.IsKindOf(concepts.Single(c => c.Surface == "Tokyo"), kinds));
        Assert.False(analyzer.IsKindOf(concepts.Single(c => c.Surface == "discuss"), kinds));
    }

    [Fact]
    public void KindsNamed_AreEmptyWithoutWordNet() =>
        Assert.Empty(new ConceptAnalyzer(Aliases).KindsNamed("city"));

    [Fact]
    public void Expand_RelatesAWordToTheCorpusWordsDerivedFromIt_AsCloselyAsASynonym()
    {
        var wordNet = WordNet.Load(fixture.Folder);
        var corpus = new ConceptAnalyzer(Aliases, wordNet: wordNet);
        var vocabulary = corpus.Analyze("The presidential office and the presidents met.").Select(c => c.Key).ToHashSet();
        var analyzer = corpus.WithVocabulary(vocabulary).WithThesaurus(Thesaurus.None);

        var president = analyzer.Expand(analyzer.Analyze("president")).Single();

        var presidential = corpus.Analyze("presidential").Single().Key;
        Assert.NotEqual(president.Key, presidential);
        Assert.Equal(Scoring.DerivedFormStrength, president.BestIn(new HashSet<string> { presidential }));
    }

    [Theory]
    [InlineData("The president spoke.", true)]
    [InlineData("Both presidents spoke.", true)]
    [InlineData("The President’s trip.", true)]
    [InlineData("The presidency changed hands.", false)]
    public void AliasNames_MatchTheirOwnFormsOnly_NotWordsThatMerelyStemAlike(string text, bool matched)
    {
        var analyzer = new ConceptAnalyzer(AliasTable.Parse("- [president, head of state]", "test aliases"));

        Assert.Equal(matched, analyzer.Analyze(text).Any(c => analyzer.Aliases.NamesOf(c.Key) is not null));
    }
}
