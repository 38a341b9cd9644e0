using System.Text.Json;
using System.Text.Json.Serialization;

namespace SummitBot.Retrieval.Articles;

/// <summary>The parsed articles, kept beside the index they were indexed into (corpus.json), so a start need not parse them again.</summary>
public static class StoredCorpus
{
    private const string FileName = "corpus.json";

    public static void Write(string folder, Corpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        using var file = File.Create(Path.Combine(folder, FileName));
        JsonSerializer.Serialize(file, new StoredArticles([.. corpus.Articles], [.. corpus.Skipped]), StoredCorpusJson.Default.StoredArticles);
    }

    /// <summary>The corpus kept in <paramref name="folder"/>, or null when there is none or it cannot be read.</summary>
    public static Corpus? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var file = File.OpenRead(path);
            var stored = JsonSerializer.Deserialize(file, StoredCorpusJson.Default.StoredArticles);
            return stored is null ? null : new Corpus(stored.Articles, stored.Skipped);
        }
        catch (JsonException)
        {
            return null;   // damaged: the caller parses the articles again
        }
    }
}

public sealed record StoredArticles(IReadOnlyList<Article> Articles, IReadOnlyList<SkippedArticle> Skipped);

[JsonSerializable(typeof(StoredArticles))]
[JsonSourceGenerationOptions(IgnoreReadOnlyProperties = true)]
internal sealed partial class StoredCorpusJson : JsonSerializerContext;
