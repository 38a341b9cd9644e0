using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Text;

namespace SummitBot.Tests.Retrieval.Text;

public sealed class ConceptWeightsTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summitbot-weights-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void RareConcepts_WeighMore_AndUnseenOnesMostOfAll()
    {
        var weights = ConceptWeights.Of(Corpus(), new ConceptAnalyzer(AliasTable.Parse("[]", "none")));

        Assert.True(weights.Of("tariff") > weights.Of("tokyo"));
        Assert.True(weights.Of("never-seen") >= weights.Of("tariff"));
        Assert.False(weights.IsKnown("never-seen"));
    }

    [Fact]
    public void KeptBesideTheIndex_ReadsBackTheSameWeights()
    {
        var weights = ConceptWeights.Of(Corpus(), new ConceptAnalyzer(AliasTable.Parse("[]", "none")));

        weights.Write(folder.FullName);
        var read = ConceptWeights.Read(folder.FullName);

        Assert.NotNull(read);
        Assert.Equal(weights.Known.Order(), read.Known.Order());
        Assert.All(weights.Known, key => Assert.Equal(weights.Of(key), read.Of(key)));
        Assert.Equal(weights.Of("never-seen"), read.Of("never-seen"));
    }

    [Fact]
    public void AFolderWithoutThem_ReadsAsNone() => Assert.Null(ConceptWeights.Read(folder.FullName));

    private static Corpus Corpus() => new(
    [
        new Article("a", new ArticleMetadata("A", false, null, null, null, null, null), "Lee met Ishiba in Tokyo. They met again in Tokyo. Tokyo was calm."),
        new Article("b", new ArticleMetadata("B", false, null, null, null, null, null), "Tariff talks took place in Tokyo."),
    ]);
}
