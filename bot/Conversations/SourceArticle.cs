namespace SummitBot.Conversations;

/// <summary>One article of the corpus, as the `sources` command lists it.</summary>
/// <param name="Url">The article's original address, when known.</param>
public sealed record SourceArticle(string Id, string Title, string? Outlet, DateOnly? Published, string? Url);

/// <summary>The articles the bot answers from. Kept this small so the turn handler does not depend on the corpus's internals.</summary>
public interface ISourceCatalog
{
    Task<IReadOnlyList<SourceArticle>> ListAsync(CancellationToken cancellationToken);
}
