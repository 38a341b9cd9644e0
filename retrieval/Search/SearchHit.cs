using SummitBot.Retrieval.Passages;

namespace SummitBot.Retrieval.Search;

/// <summary>
/// One result. The articles repeat each other, so a hit stands for every near-identical passage:
/// <see cref="Passage"/> is the best-scoring one and <see cref="Echoes"/> the others, from other articles.
/// </summary>
/// <param name="Score">Higher is better (BM25 with its sign flipped).</param>
public sealed record SearchHit(Passage Passage, double Score, IReadOnlyList<Passage> Echoes)
{
    /// <summary>Every article that says this, best first.</summary>
    public IEnumerable<string> ArticleIds => Echoes.Select(e => e.ArticleId).Prepend(Passage.ArticleId).Distinct();
}
