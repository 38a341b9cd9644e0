using System.Globalization;
using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Passages;

namespace SummitBot.Answering;

/// <summary>The numbered sources of one answer, an article once, numbered in the order the answer first cites them.</summary>
/// <param name="shorten">Turns a cited sentence into the excerpt shown beside its source.</param>
internal sealed class CitationList(Corpus corpus, Func<string, string> shorten)
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
            metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), shorten(excerpt), metadata.Url, SentenceOf(article, excerpt));
        citations.Add(citation);
        return citation.N;
    }

    /// <summary>The number, from 1, of the article's sentence where <paramref name="excerpt"/> starts; null when it is not the article's text.</summary>
    internal static int? SentenceOf(Article article, string excerpt)
    {
        var at = article.Text.IndexOf(excerpt, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var starts = SentenceSplitter.Split(article.Text).Select(range => range.Start.GetOffset(article.Text.Length)).ToList();
        var index = starts.FindLastIndex(start => start <= at);
        return index < 0 ? null : index + 1;
    }
}
