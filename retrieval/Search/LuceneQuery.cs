using Lucene.Net.Index;
using Lucene.Net.Search;
using SummitBot.Retrieval.Analysis;
using SummitBot.Retrieval.Index;
using SummitBot.Retrieval.Text;

namespace SummitBot.Retrieval.Search;

/// <summary>
/// A <see cref="PassageQuery"/> as a Lucene query: any concept may match (BM25 weighs them), a word by its
/// stem, a set phrase or a name of several words as a phrase, an alias group as any of its names.
/// </summary>
internal static class LuceneQuery
{
    /// <returns>The query, or null when the concepts hold nothing searchable.</returns>
    public static Query? Of(PassageQuery query, ConceptAnalyzer analyzer)
    {
        var clauses = new BooleanQuery();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var concept in query.Searched)
        {
            IEnumerable<string[]> forms = analyzer.AliasStems(concept.Key)
                ?? (concept.Key.StartsWith(ConceptAnalyzer.PhrasePrefix, StringComparison.Ordinal) ? [Stems(concept.Surface, analyzer.Words)] : [[concept.Key]]);
            foreach (var stems in forms.Where(s => s.Length > 0 && seen.Add(string.Join(' ', s))))
            {
                clauses.Add(Match(stems), Occur.SHOULD);
            }

            foreach (var (key, strength) in concept.Related.Where(r => !r.Key.Contains(':', StringComparison.Ordinal) && seen.Add(r.Key)))
            {
                var related = Match([key]);
                related.Boost = (float)strength;
                clauses.Add(related, Occur.SHOULD);
            }
        }

        return clauses.Clauses.Count == 0 ? null : clauses;
    }

    private static string[] Stems(string text, WordReader words) => [.. words.Of(text).Select(w => w.Stem)];

    private static Query Match(string[] stems)
    {
        if (stems.Length == 1)
        {
            return new TermQuery(new Term(PassageFields.Text, stems[0]));
        }

        var phrase = new PhraseQuery();
        foreach (var stem in stems)
        {
            phrase.Add(new Term(PassageFields.Text, stem));
        }

        return phrase;
    }
}
