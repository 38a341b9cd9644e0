namespace SummitBot.Retrieval.Text;

/// <summary>
/// A light English suffix stripper, so "meeting"/"meetings", "tariffs"/"tariff" and "cooperation"/"cooperate"
/// compare equal when sentences are scored and near-duplicates found. It needs only to be consistent with
/// itself; the index has SQLite's porter stemmer for the same job.
/// </summary>
public static class Stemmer
{
    private static readonly string[] Suffixes =
    [
        "ational", "ization", "isation", "fulness", "ousness", "iveness",
        "ations", "ation", "itions", "ition", "ments", "ment", "ities", "ity", "ingly", "edly",
        "ances", "ance", "ences", "ence", "ings", "ing", "ied", "ies", "ers", "ed", "er", "ly", "es", "s",
    ];

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word.ToLowerInvariant().Replace('’', '\'');
        if (w.EndsWith("'s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        w = w.TrimEnd('\'');
        w = IrregularForms.Present(w);

        if (w.Length <= 3 || !w.All(char.IsLetter))
        {
            return w;
        }

        foreach (var suffix in Suffixes)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= 3 && Keeps(w, suffix))
            {
                w = w[..^suffix.Length];
                if (suffix is "ies" or "ied")
                {
                    w += "y";
                }

                break;
            }
        }

        // "cooperate" and "cooperation" meet at "cooper"; "agree"/"agreed" at "agre".
        if (w.Length > 4 && (w.EndsWith('e') || w.EndsWith("at", StringComparison.Ordinal)))
        {
            w = w.EndsWith('e') ? w[..^1] : w[..^2];
        }

        // "stopped" → "stopp" → "stop"
        if (w.Length > 3 && w[^1] == w[^2] && !"lsz".Contains(w[^1], StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        return w;
    }

    /// <summary>"s" only ends a plural, not "ss"/"us"/"is" ("press", "status", "crisis").</summary>
    private static bool Keeps(string word, string suffix) =>
        suffix != "s" || !(word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal));
}
