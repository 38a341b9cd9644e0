using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SummitBot.Retrieval.Articles;

/// <summary>Reads metadata from the corpus sidecar (articles.yaml) and from Markdown front matter.</summary>
internal static class MetadataYaml
{
    public const string SidecarFileName = "articles.yaml";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static Dictionary<string, MetadataEntry> ReadSidecar(string path)
    {
        if (!File.Exists(path))
        {
            return new(StringComparer.Ordinal);
        }

        var entries = Deserialize<List<MetadataEntry>>(File.ReadAllText(path), path) ?? [];
        var byId = new Dictionary<string, MetadataEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry.Id))
            {
                throw new InvalidDataException($"{path}: every entry needs an id (the article's file name without extension).");
            }

            if (!byId.TryAdd(entry.Id, entry))
            {
                throw new InvalidDataException($"{path}: the id '{entry.Id}' appears twice.");
            }
        }

        return byId;
    }

    /// <summary>Splits "---\nyaml\n---\nbody" into its metadata and body; text without front matter is all body.</summary>
    public static (MetadataEntry? FrontMatter, string Body) SplitFrontMatter(string text, string source)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!normalized.StartsWith("---\n", StringComparison.Ordinal))
        {
            return (null, normalized);
        }

        var end = normalized.IndexOf("\n---", 4, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidDataException($"{source}: front matter opened with --- is never closed.");
        }

        var yaml = normalized[4..end];
        var bodyStart = normalized.IndexOf('\n', end + 4);
        var body = bodyStart < 0 ? "" : normalized[(bodyStart + 1)..];
        return (Deserialize<MetadataEntry>(yaml, source), body);
    }

    private static T? Deserialize<T>(string yaml, string source)
    {
        try
        {
            return Deserializer.Deserialize<T>(yaml);
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{source}: line {e.Start.Line}: {e.Message}", e);
        }
    }
}
