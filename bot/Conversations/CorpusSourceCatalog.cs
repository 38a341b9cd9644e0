using SummitBot.Hosting;

namespace SummitBot.Conversations;

/// <summary>The knowledge base's corpus, as the `sources` command lists it.</summary>
public sealed class CorpusSourceCatalog(KnowledgeBase knowledge) : ISourceCatalog
{
    public async Task<IReadOnlyList<SourceArticle>> ListAsync(CancellationToken cancellationToken)
    {
        var corpus = await knowledge.GetCorpusAsync(cancellationToken).ConfigureAwait(false);
        return [.. corpus.Articles.Select(a => new SourceArticle(a.Id, a.Title, a.Metadata.Outlet, a.Metadata.Published, a.Metadata.Url))];
    }
}
