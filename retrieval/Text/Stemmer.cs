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

    /// <summary>Past forms no suffix rule reaches, so "led" meets "leader" and "won" meets "win".</summary>
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["led"] = "lead", ["met"] = "meet", ["won"] = "win", ["began"] = "begin", ["begun"] = "begin",
        ["brought"] = "bring", ["sought"] = "seek", ["fought"] = "fight", ["thought"] = "think", ["gave"] = "give",
        ["given"] = "give", ["told"] = "tell", ["felt"] = "feel", ["kept"] = "keep", ["spoke"] = "speak",
        ["spoken"] = "speak", ["chose"] = "choose", ["chosen"] = "choose", ["wrote"] = "write", ["written"] = "write",
        ["rose"] = "rise", ["risen"] = "rise", ["grew"] = "grow", ["grown"] = "grow", ["knew"] = "know",
        ["known"] = "know", ["struck"] = "strike", ["sent"] = "send", ["spent"] = "spend", ["built"] = "build",
        ["paid"] = "pay", ["stood"] = "stand", ["understood"] = "understand", ["ran"] = "run", ["sat"] = "sit",
        ["flew"] = "fly", ["flown"] = "fly", ["drew"] = "draw", ["drawn"] = "draw", ["fell"] = "fall", ["fallen"] = "fall",
        ["sold"] = "sell", ["bought"] = "buy", ["caught"] = "catch", ["taught"] = "teach", ["held"] = "hold",
        ["found"] = "find", ["lost"] = "lose", ["meant"] = "mean", ["broke"] = "break", ["broken"] = "break",
        ["drove"] = "drive", ["driven"] = "drive", ["shook"] = "shake", ["shaken"] = "shake",
    };

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word.ToLowerInvariant().Replace('’', '\'');
        if (w.EndsWith("'s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        w = w.TrimEnd('\'');
        if (Irregular.TryGetValue(w, out var present))
        {
            w = present;
        }

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
