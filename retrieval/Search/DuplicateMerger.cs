using SummitBot.Retrieval.Passages;
using SummitBot.Retrieval.Text;

namespace SummitBot.Retrieval.Search;

/// <summary>
/// Folds passages that say the same thing in different articles into one hit. The five articles retell one
/// wire story; without this the top results would be five copies of one fact and a second fact would never
/// surface.
/// </summary>
internal sealed class DuplicateMerger(double minOverlap)
{
    /// <param name="ranked">Passages best first, with their concept keys.</param>
    public List<SearchHit> Merge(IEnumerable<(Passage Passage, double Score, HashSet<string> Concepts)> ranked, int limit)
    {
        var hits = new List<(SearchHit Hit, HashSet<string> Concepts)>();
        foreach (var (passage, score, concepts) in ranked)
        {
            var same = hits.FindIndex(h => h.Hit.Passage.ArticleId != passage.ArticleId
                && !h.Hit.Echoes.Any(e => e.ArticleId == passage.ArticleId)
                && ConceptOverlap.Of(h.Concepts, concepts) >= minOverlap);
            if (same >= 0)
            {
                var hit = hits[same].Hit;
                hits[same] = (hit with { Echoes = [.. hit.Echoes, passage] }, hits[same].Concepts);
            }
            else if (hits.Count < limit)
            {
                hits.Add((new SearchHit(passage, score, []), concepts));
            }
        }

        return [.. hits.Select(h => h.Hit)];
    }
}
