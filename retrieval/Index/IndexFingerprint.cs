using System.Security.Cryptography;
using System.Text;
using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Passages;

namespace SummitBot.Retrieval.Index;

/// <summary>
/// Identifies what an index was built from: the schema, the lexicon, the passage settings and every article's text
/// and metadata. Any change to one of them makes a stored index stale.
/// </summary>
public static class IndexFingerprint
{
    /// <summary>Bump when the document fields or the analyzer's chain of filters change.</summary>
    public const int SchemaVersion = 2;

    /// <param name="lexicon">Identifies what words are read with: the aliases and the WordNet files, or the irregular forms.</param>
    public static string Of(Corpus corpus, PassageOptions options, string lexicon)
    {
        var text = new StringBuilder()
            .Append("schema=").Append(SchemaVersion)
            .Append(";lexicon=").Append(lexicon)
            .Append(";sentences=").Append(options.Sentences)
            .Append(";overlap=").Append(options.Overlap).Append('\n');
        foreach (var article in corpus.Articles)
        {
            text.Append(article.Id).Append('\0').Append(article.Metadata).Append('\0').Append(article.Text).Append('\0');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
