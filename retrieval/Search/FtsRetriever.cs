using SummitBot.Retrieval.Index;
using SummitBot.Retrieval.Text;

namespace SummitBot.Retrieval.Search;

/// <summary>Passage search on the SQLite FTS5 index: aliases expanded, BM25 ranked, retellings merged.</summary>
public sealed class FtsRetriever(PassageIndex index, ConceptAnalyzer analyzer, RetrievalOptions options) : IPassageRetriever
{
    /// <summary>Candidates read per hit wanted, so that merged retellings still leave enough distinct hits.</summary>
    private const int CandidatesPerHit = 5;

    private readonly DuplicateMerger merger = new(analyzer, options.DuplicateOverlap);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var expression = FtsQuery.Build(analyzer.Analyze(query), analyzer.Aliases);
        if (expression is null)
        {
            return [];
        }

        var ranked = await index.MatchAsync(expression, limit * CandidatesPerHit, cancellationToken).ConfigureAwait(false);
        return merger.Merge(ranked, limit);
    }
}
