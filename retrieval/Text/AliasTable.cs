using YamlDotNet.Serialization;

namespace SummitBot.Retrieval.Text;

/// <summary>Groups of names for the same thing, from a data file (default: the shipped aliases.yaml).</summary>
public sealed class AliasTable
{
    private const string KeyPrefix = "alias:";

    /// <summary>Aliases by their first stem, longest first, so "North Korea" wins over "Korea".</summary>
    private readonly Dictionary<string, Alias[]> byFirstStem;

    private AliasTable(List<Alias> aliases, IReadOnlyList<IReadOnlyList<string>> groups)
    {
        byFirstStem = aliases.GroupBy(a => a.Stems[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Stems.Length).ToArray(), StringComparer.Ordinal);
        Groups = groups;
    }

    /// <summary>Every group's names as written in the file, by group number.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    public static AliasTable Shipped { get; } = Parse(ShippedData.Read("aliases.yaml"), "aliases.yaml (embedded)");

    public static AliasTable Load(string path) => Parse(File.ReadAllText(path), path);

    public static AliasTable Parse(string yaml, string source)
    {
        List<List<string>>? groups;
        try
        {
            groups = new DeserializerBuilder().Build().Deserialize<List<List<string>>>(yaml);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{source}: line {e.Start.Line}: an alias file is a list of lists of names.", e);
        }

        var aliases = new List<Alias>();
        var kept = new List<IReadOnlyList<string>>();
        foreach (var names in groups ?? [])
        {
            var key = KeyPrefix + kept.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            kept.Add(names);
            aliases.AddRange(names.Select(name => new Alias(key, [.. Words.Of(name).Select(w => w.Stem)], IsCaseSensitive(name))));
        }

        return new AliasTable(aliases.Where(a => a.Stems.Length > 0).ToList(), kept);
    }

    /// <summary>The names of the alias group with <paramref name="key"/>, or null when the key is not an alias group's.</summary>
    public IReadOnlyList<string>? NamesOf(string key) =>
        key.StartsWith(KeyPrefix, StringComparison.Ordinal) && int.TryParse(key.AsSpan(KeyPrefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var group)
            && group >= 0 && group < Groups.Count
            ? Groups[group]
            : null;

    /// <summary>The longest alias that starts at word <paramref name="at"/>, and how many words it spans.</summary>
    internal (string Key, int Length)? Match(IReadOnlyList<Word> words, int at)
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
