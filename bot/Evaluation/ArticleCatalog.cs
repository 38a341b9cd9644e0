using SummitBot.Evaluation.Scripts;
using SummitBot.Retrieval.Articles;

namespace SummitBot.Evaluation;

/// <summary>
/// What eval knows of the corpus: the ids a script may cite, each article's text (to check that a cited
/// article really says what the answer says) and its address (to tell which article a channel citation points at).
/// </summary>
public sealed class ArticleCatalog
{
    private const string ArticlesSegment = "/articles/";
    private readonly Dictionary<string, string> textById;
    private readonly Dictionary<string, string> idByUrl;

    public ArticleCatalog(IEnumerable<CatalogEntry> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var list = articles.ToList();
        textById = list.ToDictionary(a => a.Id, a => a.Text, StringComparer.Ordinal);
        idByUrl = list.Where(a => a.Url is not null)
            .ToDictionary(a => TrimUrl(a.Url!), a => a.Id, StringComparer.OrdinalIgnoreCase);
        Ids = textById.Keys.ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlySet<string> Ids { get; }

    /// <summary>True when the article exists and contains the phrase (matched as answers are).</summary>
    public bool Says(string id, string phrase) => textById.TryGetValue(id, out var text) && TextMatch.Contains(text, phrase);

    /// <summary>
    /// The article a citation's address points at: the article's own original address, or the bot's page
    /// for it, which ends in <c>/articles/{id}</c>. Null when the address names no known article.
    /// </summary>
    public string? IdForUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var trimmed = TrimUrl(url);
        if (idByUrl.TryGetValue(trimmed, out var byUrl))
        {
            return byUrl;
        }

        var at = trimmed.LastIndexOf(ArticlesSegment, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var last = Uri.UnescapeDataString(trimmed[(at + ArticlesSegment.Length)..]);
        var withoutExtension = Path.GetFileNameWithoutExtension(last);
        return Ids.Contains(last) ? last : Ids.Contains(withoutExtension) ? withoutExtension : null;
    }

    /// <summary>The catalog of the corpus the bot answers from.</summary>
    public static ArticleCatalog From(Corpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return new ArticleCatalog(corpus.Articles.Select(a => new CatalogEntry(a.Id, a.Text, a.Metadata.Url)));
    }

    private static string TrimUrl(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        return (end < 0 ? url : url[..end]).TrimEnd('/');
    }
}

/// <param name="Url">The article's original address, when known.</param>
public sealed record CatalogEntry(string Id, string Text, string? Url);
