using SummitBot.Retrieval.Text;

namespace SummitBot.Retrieval.Search;

/// <summary>
/// What a question looks for, read once: its concepts (each with the corpus concepts it stands for) and the
/// kind of answer it wants. Nothing of the user's text reaches Lucene's query syntax: the retriever builds
/// term and phrase queries from these concepts' stems.
/// </summary>
public sealed record PassageQuery(IReadOnlyList<Concept> Concepts, QuestionKind Kind)
{
    /// <summary>Concepts past this many add little to BM25 and only slow the query; long pasted text is cut.</summary>
    public const int MaxConcepts = 32;

    /// <summary>The distinct concepts searched for, at most <see cref="MaxConcepts"/>.</summary>
    public IReadOnlyList<Concept> Searched { get; } = [.. Concepts.DistinctBy(c => c.Key).Take(MaxConcepts)];
}
