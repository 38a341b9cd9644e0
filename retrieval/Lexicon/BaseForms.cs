using SummitBot.Retrieval.Analysis;

namespace SummitBot.Retrieval.Lexicon;

/// <summary>
/// The WordNet lemmas a written word may be a form of: "talks" → talk, "succeeded" → succeed, "led" → lead,
/// "countries" → country. WordNet's own detachment rules, tried only against lemmas it has.
/// </summary>
public static class BaseForms
{
    private static readonly (string Suffix, string Ending)[] Rules =
    [
        ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y"),
        ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
        ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
    ];

    public static IEnumerable<string> Of(string word, ILexicon wordNet)
    {
        ArgumentNullException.ThrowIfNull(wordNet);
        return Candidates(word, wordNet).Where(wordNet.Contains).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Every form the rules give, lemma or not: the first word of a set phrase ("called" of "called off").</summary>
    public static IEnumerable<string> Candidates(string word, ILexicon wordNet)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(wordNet);
        var w = word.ToLowerInvariant().Replace('’', '\'');
        if (w.EndsWith("'s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        w = w.Trim('\'').Replace(' ', '_');
        return Forms(w, wordNet.Irregular).Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Forms(string w, IrregularForms irregular)
    {
        yield return w;
        yield return irregular.LemmaOf(w);
        foreach (var (suffix, ending) in Rules)
        {
            if (w.Length > suffix.Length + 1 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = w[..^suffix.Length];
                yield return stem + ending;

                // "stopped" → "stopp" → "stop"
                if (ending.Length == 0 && stem.Length > 2 && stem[^1] == stem[^2])
                {
                    yield return stem[..^1];
                }
            }
        }
    }
}
