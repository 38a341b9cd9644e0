using System.Globalization;
using SummitBot.Retrieval.Articles;

namespace SummitBot.Answering;

/// <summary>The numbered sources of one answer, an article once, numbered in the order the answer first cites them.</summary>
internal sealed class CitationList(Corpus corpus, int excerptLength)
{
    private readonly List<Citation> citations = [];

    public IReadOnlyList<Citation> All => citations;

    /// <summary>The number of the article's citation, adding it (with <paramref name="excerpt"/> shown) if it is new.</summary>
    public int NumberOf(string articleId, string excerpt)
    {
        var existing = citations.Find(c => c.ArticleId == articleId);
        if (existing is not null)
        {
            return existing.N;
        }

        var article = corpus.Find(articleId) ?? throw new ArgumentException($"No article '{articleId}' in the corpus.", nameof(articleId));
        var metadata = article.Metadata;
        var citation = new Citation(
            citations.Count + 1, article.Id, metadata.Title, metadata.Outlet,
            metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Shorten(excerpt), metadata.Url);
        citations.Add(citation);
        return citation.N;
    }

    private string Shorten(string text)
    {
        if (text.Length <= excerptLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', excerptLength - 1);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : excerptLength - 1), "…");
    }
}
