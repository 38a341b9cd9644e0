using YamlDotNet.Serialization;

namespace SummitBot.Retrieval.Text;

/// <summary>Groups of names for the same thing, from a data file (default: the shipped aliases.yaml).</summary>
public sealed class AliasTable
{
    private const string KeyPrefix = "alias:";

    private AliasTable(IReadOnlyList<IReadOnlyList<string>> groups) => Groups = groups;

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

        return new AliasTable([.. (groups ?? []).Select(names => (IReadOnlyList<string>)names)]);
    }

    /// <summary>Every name with the key of its group.</summary>
    internal IEnumerable<(string Key, string Name)> Names =>
        Groups.SelectMany((names, group) => names.Select(name => (KeyPrefix + group.ToString(System.Globalization.CultureInfo.InvariantCulture), name)));

    /// <summary>The names of the alias group with <paramref name="key"/>, or null when the key is not an alias group's.</summary>
    public IReadOnlyList<string>? NamesOf(string key) =>
        key.StartsWith(KeyPrefix, StringComparison.Ordinal) && int.TryParse(key.AsSpan(KeyPrefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var group)
            && group >= 0 && group < Groups.Count
            ? Groups[group]
            : null;
}
