using SummitBot.Retrieval.Analysis;

namespace SummitBot.Retrieval.Lexicon;

/// <summary>
/// The WordNet lemmas a written word may be a form of: "talks" → talk, "succeeded" → succeed, "led" → lead,
/// "countries" → country. WordNet's own detachment rules, tried only against lemmas it has.
/// </summary>
public static class BaseForms
{
    /// <summary>The plural endings, the only ones a noun takes: "hosted" is a form of the verb "host", never of the noun.</summary>
    private static readonly (string Suffix, string Ending)[] NounRules =
    [
        ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y"), ("s", ""),
    ];

    private static readonly (string Suffix, string Ending)[] Rules =
    [
        .. NounRules, ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
        ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
    ];

    public static IEnumerable<string> Of(string word, ILexicon wordNet)
    {
        ArgumentNullException.ThrowIfNull(wordNet);
        return Candidates(word, wordNet).Where(wordNet.Contains).Distinct(StringComparer.Ordinal);
    }

    /// <summary>The lemmas a written word may be as a noun: "cities" → city, but "hosted" → nothing.</summary>
    public static IEnumerable<string> OfNoun(string word, ILexicon wordNet)
    {
        ArgumentNullException.ThrowIfNull(wordNet);
        // Not through the irregular forms: they mix verbs with nouns, and "was" would be read as "be".
        return Forms(Normalise(word), IrregularForms.None, NounRules).Where(wordNet.Contains).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Every form the rules give, lemma or not: the first word of a set phrase ("called" of "called off").</summary>
    public static IEnumerable<string> Candidates(string word, ILexicon wordNet)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(wordNet);
        return Forms(Normalise(word), wordNet.Irregular, Rules).Distinct(StringComparer.Ordinal);
    }

    /// <summary>Lower case, no possessive, spaces as WordNet's underscores.</summary>
    private static string Normalise(string word)
    {
        var w = word.ToLowerInvariant().Replace('’', '\'');
        if (w.EndsWith("'s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        return w.Trim('\'').Replace(' ', '_');
    }

    private static IEnumerable<string> Forms(string w, IrregularForms irregular, (string Suffix, string Ending)[] rules)
    {
        yield return w;
        yield return irregular.LemmaOf(w);
        foreach (var (suffix, ending) in rules)
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
