using System.Security.Cryptography;
using System.Text;
using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Passages;

namespace SummitBot.Retrieval.Index;

/// <summary>
/// Identifies what an index was built from: the schema, the lexicon, the passage settings and the articles.
/// Any change to one of them makes a stored index stale.
/// </summary>
public static class IndexFingerprint
{
    /// <summary>Bump when the document fields, the analyzer's chain of filters, how concepts are read or what is kept beside the index change.</summary>
    public const int SchemaVersion = 5;

    /// <param name="articles">Identifies the articles: <see cref="ArticleFiles.Fingerprint"/> of their folder, or <see cref="OfCorpus"/>.</param>
    /// <param name="lexicon">Identifies what words are read with: the aliases, stop words and WordNet files, or the irregular forms.</param>
    public static string Of(string articles, PassageOptions options, string lexicon)
    {
        ArgumentNullException.ThrowIfNull(options);
        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"schema={SchemaVersion};lexicon={lexicon};sentences={options.Sentences};overlap={options.Overlap};articles={articles}");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Identifies articles already loaded, by their text and metadata (for an index built from a corpus in memory).</summary>
    public static string OfCorpus(Corpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var text = new StringBuilder();
        foreach (var article in corpus.Articles)
        {
            text.Append(article.Id).Append('\0').Append(article.Metadata).Append('\0').Append(article.Text).Append('\0');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
