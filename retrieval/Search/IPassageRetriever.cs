namespace SummitBot.Retrieval.Search;

/// <summary>Passage search over the indexed articles.</summary>
public interface IPassageRetriever
{
    /// <summary>The best <paramref name="limit"/> hits for a question's concepts; never throws on odd input.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(PassageQuery query, int limit, CancellationToken cancellationToken);
}
