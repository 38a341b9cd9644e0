namespace SummitBot.Retrieval.Search;

/// <summary>
/// Full-text search over article passages. SQLite FTS5 implements it today; the seam is kept this small
/// so that a Lucene.Net retriever can replace it once that package is obtainable.
/// </summary>
public interface IPassageRetriever
{
    /// <summary>The best <paramref name="limit"/> hits for any user text; never throws on odd input.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken);
}
