using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Passages;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Retrieval.Passages;

public sealed class PassageSplitterTests
{
    [Fact]
    public void EveryPassageSpan_MapsBackToItsArticleText()
    {
        foreach (var article in TestCorpus.Load().Articles)
        {
            var passages = PassageSplitter.Split(article, new PassageOptions());

            Assert.NotEmpty(passages);
            Assert.All(passages, p =>
            {
                Assert.Equal(article.Id, p.ArticleId);
                Assert.Equal(p.Text, article.Text.Substring(p.Start, p.Length));
            });
            Assert.Equal(Enumerable.Range(0, passages.Count), passages.Select(p => p.Ordinal));
        }
    }

    [Fact]
    public void Passages_CoverTheWholeArticle_AndNeighboursShareTheOverlappingSentence()
    {
        var article = TestCorpus.Load().Find("reuters-ishiba-lee-affirm-cooperation")!;
        var passages = PassageSplitter.Split(article, new PassageOptions { Sentences = 3, Overlap = 1 });

        Assert.Equal(0, passages[0].Start);
        Assert.Equal(article.Text.Length, passages[^1].Start + passages[^1].Length);
        for (var i = 1; i < passages.Count; i++)
        {
            Assert.True(passages[i].Start < passages[i - 1].Start + passages[i - 1].Length, "neighbouring passages overlap");
        }
    }

    [Fact]
    public void SentenceSplitter_DoesNotBreakAtInitialismsOrAbbreviations()
    {
        const string text = "Lee meets U.S. President Donald Trump on Monday. Mr. Kim said so. Talks end Aug. 25 in Washington.";

        var sentences = SentenceSplitter.Split(text).Select(r => text[r]).ToList();

        Assert.Equal(["Lee meets U.S. President Donald Trump on Monday.", "Mr. Kim said so.", "Talks end Aug. 25 in Washington."], sentences);
    }

    [Fact]
    public void SentenceSplitter_KeepsClosingQuotesWithTheirSentence()
    {
        const string text = "Ishiba said “it is crucial.” Lee agreed.";

        var sentences = SentenceSplitter.Split(text).Select(r => text[r]).ToList();

        Assert.Equal(["Ishiba said “it is crucial.”", "Lee agreed."], sentences);
    }

    [Fact]
    public void OverlapNotSmallerThanWindow_IsRejected()
    {
        var article = new Article("a", new ArticleMetadata("A", false, null, null, null, null, null), "One. Two. Three.");

        Assert.Throws<ArgumentException>(() => PassageSplitter.Split(article, new PassageOptions { Sentences = 2, Overlap = 2 }));
    }
}
