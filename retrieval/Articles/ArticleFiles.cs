using System.Security.Cryptography;
using System.Text;

namespace SummitBot.Retrieval.Articles;

/// <summary>
/// Identifies an articles folder by its files as they are on disk (names and bytes of the articles and of
/// articles.yaml), without parsing them: a start whose index was built from the same files reads the parsed
/// articles kept with the index instead of parsing HTML, Markdown and YAML again.
/// </summary>
public static class ArticleFiles
{
    /// <summary>Bump when the loader reads the same files differently (page furniture, metadata rules).</summary>
    private const int LoaderVersion = 1;

    public static string Fingerprint(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The articles folder '{folder}' does not exist.");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"loader={LoaderVersion}\0"));
        foreach (var file in Directory.EnumerateFiles(folder).Where(ArticleLoader.IsRead).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\0"));
            hash.AppendData(File.ReadAllBytes(file));
            hash.AppendData("\0"u8);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
