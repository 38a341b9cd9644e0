using SummitBot.Retrieval.Analysis;

namespace SummitBot.Retrieval.Text;

/// <summary>Finds the names of an <see cref="AliasTable"/> in read text, each name's words stemmed as the text's are.</summary>
internal sealed class AliasMatcher
{
    /// <summary>Aliases by their first stem, longest first, so "North Korea" wins over "Korea".</summary>
    private readonly Dictionary<string, Alias[]> byFirstStem;

    public AliasMatcher(AliasTable table, WordReader words) =>
        byFirstStem = table.Names
            .Select(n => new Alias(n.Key, [.. words.Of(n.Name).Select(w => w.Stem)], IsCaseSensitive(n.Name)))
            .Where(a => a.Stems.Length > 0)
            .GroupBy(a => a.Stems[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Stems.Length).ToArray(), StringComparer.Ordinal);

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
                matches = word.Stem == alias.Stems[i] && (!alias.CaseSensitive || word.Text.All(c => !char.IsLower(c)));
            }

            if (matches)
            {
                return (alias.Key, alias.Stems.Length);
            }
        }

        return null;
    }

    /// <summary>"US", "PM", "ROK": short capitalised forms that would otherwise match ordinary words.</summary>
    private static bool IsCaseSensitive(string name) => name.Length <= 4 && name.Where(char.IsLetter).All(char.IsUpper);

    private sealed record Alias(string Key, string[] Stems, bool CaseSensitive);
}
