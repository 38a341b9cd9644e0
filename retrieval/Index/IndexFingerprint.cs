using System.Security.Cryptography;
using System.Text;
using SummitBot.Retrieval.Analysis;
using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Passages;

namespace SummitBot.Retrieval.Index;

/// <summary>
/// Identifies what an index was built from: the schema, the analyzer's irregular forms, the passage settings and every article's text
/// and metadata. Any change to one of them makes a stored index stale.
/// </summary>
internal static class IndexFingerprint
{
    /// <summary>Bump when the document fields or the analyzer's chain of filters change.</summary>
    public const int SchemaVersion = 2;

    public static string Of(Corpus corpus, PassageOptions options, IrregularForms irregular)
    {
        var text = new StringBuilder()
            .Append("schema=").Append(SchemaVersion)
            .Append(";irregular=").Append(irregular.Fingerprint())
            .Append(";sentences=").Append(options.Sentences)
            .Append(";overlap=").Append(options.Overlap).Append('\n');
        foreach (var article in corpus.Articles)
        {
            text.Append(article.Id).Append('\0').Append(article.Metadata).Append('\0').Append(article.Text).Append('\0');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
