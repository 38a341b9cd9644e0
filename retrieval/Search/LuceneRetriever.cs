using SummitBot.Retrieval.Index;
using SummitBot.Retrieval.Text;

namespace SummitBot.Retrieval.Search;

/// <summary>
/// Passage search on the Lucene index: BM25 candidates for any of the question's concepts, re-ranked by how
/// much of the question each passage covers, retellings merged.
/// </summary>
public sealed class LuceneRetriever(PassageIndex index, ConceptAnalyzer analyzer, ConceptWeights weights, RetrievalOptions options) : IPassageRetriever
{
    private readonly DuplicateMerger merger = new(options.DuplicateOverlap);

    public Task<IReadOnlyList<SearchHit>> SearchAsync(PassageQuery query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<IReadOnlyList<SearchHit>>(Search(query, limit));
    }

    private List<SearchHit> Search(PassageQuery query, int limit)
    {
        if (LuceneQuery.Of(query, analyzer) is not { } lucene)
        {
            return [];
        }

        var candidates = index.Search(lucene, limit * Scoring.CandidatesPerHit);
        if (candidates.Count == 0)
        {
            return [];
        }

        var asked = query.Searched.Select(c => (Concept: c, Weight: weights.Of(c.Key))).ToList();
        var total = asked.Sum(a => a.Weight);
        var best = candidates.Max(c => c.Score);
        var reranked = candidates
            .Select(c =>
            {
                // The passage's concepts were read when the index was built.
                var coverage = asked.Sum(a => a.Weight * a.Concept.BestIn(c.Concepts)) / total;
                var fits = query.Favours?.Invoke(c.Passage.Text) == true;
                return (c.Passage, Score: coverage + (Scoring.Bm25Share * c.Score / best) + (fits ? Scoring.KindBonus : 0), c.Concepts);
            })
            .OrderByDescending(c => c.Score);
        return merger.Merge(reranked, limit);
    }
}
