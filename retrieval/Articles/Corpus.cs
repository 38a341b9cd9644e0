namespace SummitBot.Retrieval.Articles;

/// <summary>The loaded articles, in a stable order (by id).</summary>
public sealed class Corpus
{
    private readonly Dictionary<string, Article> byId;

    public Corpus(IEnumerable<Article> articles, IReadOnlyList<SkippedArticle>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        Skipped = skipped ?? [];
        Articles = [.. articles.OrderBy(a => a.Id, StringComparer.Ordinal)];
        byId = Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Article> Articles { get; }

    /// <summary>Files of the folder that could not be read as articles, and why; the rest were loaded.</summary>
    public IReadOnlyList<SkippedArticle> Skipped { get; }

    public Article? Find(string id) => byId.GetValueOrDefault(id);
}

/// <summary>A file left out of the corpus: <paramref name="Reason"/> says what is wrong with it.</summary>
public sealed record SkippedArticle(string File, string Reason);
