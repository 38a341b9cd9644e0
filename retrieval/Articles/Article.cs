namespace SummitBot.Retrieval.Articles;

/// <summary>One news article of the corpus, its body cleaned of page furniture.</summary>
/// <param name="Id">The file name without its extension; stable across rebuilds.</param>
/// <param name="Text">The clean body text. Passage spans index into this string.</param>
public sealed record Article(string Id, ArticleMetadata Metadata, string Text)
{
    public string Title => Metadata.Title;
}
