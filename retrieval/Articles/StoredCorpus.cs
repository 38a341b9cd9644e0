using System.Text.Json;
using System.Text.Json.Serialization;

namespace SummitBot.Retrieval.Articles;

/// <summary>
/// The parsed articles, kept beside the index they were indexed into (corpus.jsonl), so a start need not
/// parse them again. One JSON object a line (an article or a skipped file), read a line at a time.
/// </summary>
public static class StoredCorpus
{
    private const string FileName = "corpus.jsonl";

    public static void Write(string folder, Corpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var lines = corpus.Articles.Select(a => new StoredLine(a, null))
            .Concat(corpus.Skipped.Select(s => new StoredLine(null, s)))
            .Select(line => JsonSerializer.Serialize(line, StoredCorpusJson.Default.StoredLine));
        File.WriteAllLines(Path.Combine(folder, FileName), lines);
    }

    /// <summary>The corpus kept in <paramref name="folder"/>, or null when there is none or it cannot be read.</summary>
    public static Corpus? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var articles = new List<Article>();
        var skipped = new List<SkippedArticle>();
        try
        {
            foreach (var json in File.ReadLines(path))
            {
                var line = JsonSerializer.Deserialize(json, StoredCorpusJson.Default.StoredLine);
                if (line?.Article is { } article)
                {
                    articles.Add(article);
                }
                else if (line?.Skipped is { } skip)
                {
                    skipped.Add(skip);
                }
                else
                {
                    return null;
                }
            }
        }
        catch (JsonException)
        {
            return null;   // damaged: the caller parses the articles again
        }

        return new Corpus(articles, skipped);
    }
}

/// <summary>One line of corpus.jsonl: an article, or a file that was skipped.</summary>
public sealed record StoredLine(Article? Article, SkippedArticle? Skipped);

[JsonSerializable(typeof(StoredLine))]
[JsonSourceGenerationOptions(IgnoreReadOnlyProperties = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class StoredCorpusJson : JsonSerializerContext;
