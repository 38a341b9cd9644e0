using System.Security.Cryptography;
using System.Text;
using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Passages;

namespace SummitBot.Retrieval.Index;

/// <summary>
/// Identifies what an index file was built from: the schema, the passage settings and every article's text
/// and metadata. Any change to one of them makes a stored index stale.
/// </summary>
internal static class IndexFingerprint
{
    /// <summary>Bump when the table layout or tokenizer changes.</summary>
    public const int SchemaVersion = 1;

    public static string Of(Corpus corpus, PassageOptions options)
    {
        var text = new StringBuilder()
            .Append("schema=").Append(SchemaVersion)
            .Append(";sentences=").Append(options.Sentences)
            .Append(";overlap=").Append(options.Overlap).Append('\n');
        foreach (var article in corpus.Articles)
        {
            text.Append(article.Id).Append('\0').Append(article.Metadata).Append('\0').Append(article.Text).Append('\0');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
