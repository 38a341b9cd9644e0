using System.Collections.Concurrent;
using SummitBot.Retrieval.Index;
using SummitBot.Retrieval.Text;

namespace SummitBot.Retrieval.Search;

/// <summary>
/// Passage search on the SQLite FTS5 index: aliases expanded, BM25 candidates re-ranked by how much of the
/// question each passage covers, retellings merged.
/// </summary>
public sealed class FtsRetriever(PassageIndex index, ConceptAnalyzer analyzer, ConceptWeights weights, RetrievalOptions options) : IPassageRetriever
{
    /// <summary>Candidates read per hit wanted, so that merged retellings still leave enough distinct hits.</summary>
    private const int CandidatesPerHit = 6;

    /// <summary>
    /// How much BM25 counts next to coverage. BM25 sees every alias as its own term, so a group with eight
    /// names (the United States) outweighs a rare word the question hinges on; coverage counts each concept
    /// once, by how rare it is, and leads.
    /// </summary>
    private const double Bm25Share = 0.3;

    /// <summary>What a passage gains for holding the kind of thing asked for: a date for "when", a number for "how many".</summary>
    private const double KindBonus = 0.15;

    private readonly DuplicateMerger merger = new(options.DuplicateOverlap);

    /// <summary>Passages are few and fixed, so each is analysed once, not once per question.</summary>
    private readonly ConcurrentDictionary<string, HashSet<string>> passageConcepts = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var concepts = analyzer.Expand(analyzer.Analyze(query));
        var expression = FtsQuery.Build(concepts, analyzer.Aliases);
        if (expression is null)
        {
            return [];
        }

        var candidates = await index.MatchAsync(expression, limit * CandidatesPerHit, cancellationToken).ConfigureAwait(false);
        if (candidates.Count == 0)
        {
            return [];
        }

        var asked = concepts.DistinctBy(c => c.Key).Select(c => (Concept: c, Weight: weights.Of(c.Key))).ToList();
        var total = asked.Sum(a => a.Weight);
        var best = candidates.Max(c => c.Score);
        var kind = QuestionKinds.Of(query);
        var reranked = candidates
            .Select(c =>
            {
                var present = passageConcepts.GetOrAdd(c.Passage.Text, text => [.. analyzer.Analyze(text).Select(p => p.Key)]);
                var coverage = asked.Sum(a => a.Weight * a.Concept.BestIn(present)) / total;
                var fits = QuestionKinds.Positions(kind, c.Passage.Text).Any();
                return (c.Passage, Score: coverage + (Bm25Share * c.Score / best) + (fits ? KindBonus : 0), Concepts: present);
            })
            .OrderByDescending(c => c.Score);
        return merger.Merge(reranked, limit);
    }
}
