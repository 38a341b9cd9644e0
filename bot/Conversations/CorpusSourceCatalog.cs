using SummitBot.Retrieval.Articles;

namespace SummitBot.Conversations;

/// <summary>The shipped corpus as the `sources` command lists it, loaded once on first use.</summary>
public sealed class CorpusSourceCatalog(IHostEnvironment environment) : ISourceCatalog
{
    // Not the caller's token: the loaded corpus is shared, and one cancelled turn must not fail it for all.
    private readonly Lazy<Task<Corpus>> corpus = new(() =>
        ArticleLoader.LoadFolderAsync(Path.Combine(environment.ContentRootPath, "articles"), CancellationToken.None));

    public async Task<IReadOnlyList<SourceArticle>> ListAsync(CancellationToken cancellationToken)
    {
        var loaded = await corpus.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return [.. loaded.Articles.Select(a => new SourceArticle(a.Id, a.Title, a.Metadata.Outlet, a.Metadata.Published, a.Metadata.Url))];
    }
}
