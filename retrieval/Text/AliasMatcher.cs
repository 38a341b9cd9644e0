using SummitBot.Retrieval.Analysis;

namespace SummitBot.Retrieval.Text;

/// <summary>Finds the names of an <see cref="AliasTable"/> in read text, each name's words stemmed as the text's are.</summary>
internal sealed class AliasMatcher
{
    /// <summary>Aliases by their first stem, longest first, so "North Korea" wins over "Korea".</summary>
    private readonly Dictionary<string, Alias[]> byFirstStem;

    /// <summary>Endings that make another form of the same word ("meetings", "visited", "countries", "Lee’s").</summary>
    private static readonly string[] InflectionalEndings = ["", "s", "es", "ed", "d", "ing", "e", "y", "ies", "ied", "'s", "’s", "'", "’"];

    /// <summary>Each group's names as stems, in the file's order: what a query for the group looks for.</summary>
    private readonly Dictionary<string, string[][]> stemsByKey;

    private readonly IrregularForms irregular;

    public AliasMatcher(AliasTable table, WordReader words)
    {
        irregular = words.Analyzer.Irregular;
        var aliases = table.Names
            .Select(n => new Alias(n.Key, [.. words.Of(n.Name).Select(w => (w.Stem, w.Text.ToLowerInvariant()))], IsCaseSensitive(n.Name)))
            .Where(a => a.Stems.Length > 0)
            .ToList();
        byFirstStem = aliases.GroupBy(a => a.Stems[0].Stem, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Stems.Length).ToArray(), StringComparer.Ordinal);
        stemsByKey = aliases.GroupBy(a => a.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Stems.Select(s => s.Stem).ToArray()).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The names of the alias group with <paramref name="key"/>, each as its words' stems; null when the key is not an alias group's.</summary>
    public IReadOnlyList<string[]>? StemsOf(string key) => stemsByKey.GetValueOrDefault(key);

    /// <summary>The longest alias that starts at word <paramref name="at"/>, and how many words it spans.</summary>
    public (string Key, int Length)? Match(IReadOnlyList<Word> words, int at)
    {
        if (!byFirstStem.TryGetValue(words[at].Stem, out var aliases))
        {
            return null;
        }

        foreach (var alias in aliases)
        {
            if (at + alias.Stems.Length > words.Count)
            {
                continue;
            }

            var matches = true;
            for (var i = 0; i < alias.Stems.Length && matches; i++)
            {
                var word = words[at + i];
                matches = word.Stem == alias.Stems[i].Stem && IsFormOf(word.Text.ToLowerInvariant(), alias.Stems[i].Text)
                    && (!alias.CaseSensitive || word.Text.All(c => !char.IsLower(c)));
            }

            if (matches)
            {
                return (alias.Key, alias.Stems.Length);
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="word"/> is the name's word itself or another form of it ("talks" of "talk",
    /// "stopped" of "stop", "led" of "lead"), not a word derived from it that only stems alike: "presidency" is
    /// not a name for the president.
    /// </summary>
    private bool IsFormOf(string word, string name)
    {
        if (word == name || irregular.LemmaOf(word) != word || irregular.LemmaOf(name) != name)
        {
            return true;
        }

        var shared = 0;
        while (shared < word.Length && shared < name.Length && word[shared] == name[shared])
        {
            shared++;
        }

        return IsEnding(word, shared) && IsEnding(name, shared);
    }

    /// <summary>What follows the shared part is an inflection, a doubled last letter allowed ("stop" + "ped").</summary>
    private static bool IsEnding(string word, int shared)
    {
        var rest = word[shared..];
        if (rest.Length > 1 && shared > 0 && rest[0] == word[shared - 1])
        {
            rest = rest[1..];
        }

        return InflectionalEndings.Contains(rest);
    }

    /// <summary>"US", "PM", "ROK": short capitalised forms that would otherwise match ordinary words.</summary>
    private static bool IsCaseSensitive(string name) => name.Length <= 4 && name.Where(char.IsLetter).All(char.IsUpper);

    private sealed record Alias(string Key, (string Stem, string Text)[] Stems, bool CaseSensitive);
}
