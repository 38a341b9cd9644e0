namespace SummitBot.Retrieval.Articles;

/// <summary>The loaded articles, in a stable order (by id).</summary>
public sealed class Corpus
{
    private readonly Dictionary<string, Article> byId;

    public Corpus(IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        Articles = [.. articles.OrderBy(a => a.Id, StringComparer.Ordinal)];
        byId = Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Article> Articles { get; }

    public Article? Find(string id) => byId.GetValueOrDefault(id);
}
