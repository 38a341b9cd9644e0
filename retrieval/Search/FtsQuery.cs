using SummitBot.Retrieval.Text;

namespace SummitBot.Retrieval.Search;

/// <summary>
/// Turns any user text into an FTS5 expression that cannot fail to parse. User text never reaches FTS5
/// syntax: only words (letters and digits) go in, each inside double quotes, so quotes, *, ^, NEAR(,
/// AND/OR/NOT, column filters and brackets are just characters that were dropped.
/// </summary>
public static class FtsQuery
{
    /// <summary>Concepts past this many add little to BM25 and only slow the query; long pasted text is cut.</summary>
    public const int MaxConcepts = 32;

    /// <returns>The expression, or null when the text holds nothing searchable.</returns>
    public static string? Build(IReadOnlyList<Concept> concepts, AliasTable aliases)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        ArgumentNullException.ThrowIfNull(aliases);
        var terms = new List<string>();
        foreach (var concept in concepts.DistinctBy(c => c.Key).Take(MaxConcepts))
        {
            var names = aliases.NamesOf(concept.Key) ?? [concept.Surface];
            terms.AddRange(names.Select(Phrase).Where(p => p is not null)!);
        }

        var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? null : string.Join(" OR ", distinct);
    }

    /// <summary>A quoted FTS5 phrase of the words of <paramref name="text"/>, or null when it has none.</summary>
    private static string? Phrase(string text)
    {
        var words = Words.Of(text).SelectMany(w => w.Text.Split('\'', '’')).Where(w => w.Length > 0).ToList();
        return words.Count == 0 ? null : "\"" + string.Join(' ', words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
