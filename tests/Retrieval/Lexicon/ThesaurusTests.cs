using SummitBot.Retrieval;
using SummitBot.Retrieval.Lexicon;

namespace SummitBot.Tests.Retrieval.Lexicon;

public sealed class ThesaurusTests : IDisposable
{
    private readonly WordNetFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Related_FindsACorpusWordThroughADerivedForm()
    {
        var thesaurus = Build(("discuss", "discuss-key"));

        var related = thesaurus.Related(["talk"]);

        Assert.Equal(0.8 * 0.85, related["discuss-key"], precision: 6);
    }

    [Fact]
    public void Related_FindsASynonymAtSynonymStrength()
    {
        var thesaurus = Build(("discuss", "discuss-key"));

        Assert.Equal(Scoring.SynonymStrength, thesaurus.Related(["talk_over"])["discuss-key"], precision: 6);
    }

    [Fact]
    public void Related_ReachesABroaderWordTwoStepsUp()
    {
        // The articles say "Tokyo"; a question asks "which city": Tokyo is a national capital, a capital a city.
        var thesaurus = Build(("tokyo", "tokyo-key"));

        var strength = thesaurus.Related(["city"])["tokyo-key"];

        Assert.InRange(strength, Scoring.MinRelationStrength, 0.5);
    }

    [Fact]
    public void Related_DoesNotWalkNarrowerTwice()
    {
        // From the articles' "city", one step narrower is "national capital"; "Tokyo" is two and stays out.
        var thesaurus = Build(("city", "city-key"));

        Assert.True(thesaurus.Related(["national_capital"]).ContainsKey("city-key"));
        Assert.False(thesaurus.Related(["tokyo"]).ContainsKey("city-key"));
    }

    [Fact]
    public void Related_IsEmptyForAWordNothingInTheCorpusRelatesTo()
    {
        var thesaurus = Build(("tokyo", "tokyo-key"), ("precede", "precede-key"));

        Assert.Empty(thesaurus.Related(["compensation"]));
        Assert.Empty(thesaurus.Related(["not-a-word"]));
    }

    [Fact]
    public void Related_KeepsTheStrongestRelationOfEachKey()
    {
        // "talk over" is a synonym of the articles' "discuss" and a derived form of their "talk", both one concept.
        var thesaurus = Build(("discuss", "key"), ("talk", "key"));

        Assert.Equal(Scoring.SynonymStrength, thesaurus.Related(["talk_over"])["key"], precision: 6);
    }

    [Fact]
    public void None_RelatesNothing() => Assert.Empty(Thesaurus.None.Related(["city"]));

    private Thesaurus Build(params (string Lemma, string Key)[] corpus) => Thesaurus.Build(WordNet.Load(fixture.Folder), corpus);
}
