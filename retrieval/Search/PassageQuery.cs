using SummitBot.Retrieval.Text;

namespace SummitBot.Retrieval.Search;

/// <summary>
/// What a question looks for: its concepts (each with the corpus concepts it stands for). Nothing of the
/// user's text reaches Lucene's query syntax: the retriever builds term and phrase queries from these
/// concepts' stems.
/// </summary>
/// <param name="Favours">
/// Which passages hold the kind of thing the asker wants (a date for "when", a number for "how many"): the
/// answer step reads that from the question, and the retriever ranks such passages a little higher. Null:
/// none is favoured.
/// </param>
public sealed record PassageQuery(IReadOnlyList<Concept> Concepts, Func<string, bool>? Favours = null)
{
    /// <summary>Concepts past this many add little to BM25 and only slow the query; long pasted text is cut.</summary>
    public const int MaxConcepts = 32;

    /// <summary>The distinct concepts searched for, at most <see cref="MaxConcepts"/>.</summary>
    public IReadOnlyList<Concept> Searched { get; } = [.. Concepts.DistinctBy(c => c.Key).Take(MaxConcepts)];
}
