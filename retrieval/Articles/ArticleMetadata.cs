namespace SummitBot.Retrieval.Articles;

/// <summary>What is known about an article. Null means the source does not say; nothing is invented.</summary>
/// <param name="Title">The headline, or, when the article has none, its first sentence shortened.</param>
/// <param name="TitleIsDerived">True when <paramref name="Title"/> was made from the text, not given.</param>
/// <param name="Written">When the article was written relative to the summit, as the sidecar says ("before the visit").</param>
/// <param name="Url">The article's original address, when known.</param>
public sealed record ArticleMetadata(
    string Title,
    bool TitleIsDerived,
    string? Outlet,
    string? Author,
    DateOnly? Published,
    string? Written,
    string? Url);
