using System.Text.RegularExpressions;

namespace SummitBot.Retrieval.Articles;

/// <summary>
/// Loads every article of a folder: .txt, .md (YAML front matter) and .html. Metadata comes from the
/// folder's articles.yaml, else the front matter or page tags, else what the page header says; what no
/// source says stays null.
/// </summary>
public static partial class ArticleLoader
{
    private static readonly string[] Extensions = [".txt", ".md", ".html", ".htm"];

    /// <summary>True for the files of a folder the loader reads: articles and the metadata sidecar.</summary>
    internal static bool IsRead(string file) =>
        Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase) || Path.GetFileName(file) == MetadataYaml.SidecarFileName;

    public static async Task<Corpus> LoadFolderAsync(string folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The articles folder '{folder}' does not exist.");
        }

        var sidecar = MetadataYaml.ReadSidecar(Path.Combine(folder, MetadataYaml.SidecarFileName));
        var files = Directory.EnumerateFiles(folder)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

        // One broken article must not take the others down: it is left out, and said why.
        var articles = new List<Article>(files.Count);
        var skipped = new List<SkippedArticle>();
        foreach (var file in files)
        {
            var id = Path.GetFileNameWithoutExtension(file);
            if (articles.Any(a => a.Id == id))
            {
                skipped.Add(new SkippedArticle(file, $"another file is also named '{id}'; article ids must be unique"));
                continue;
            }

            try
            {
                var content = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
                articles.Add(Load(id, Path.GetExtension(file), content, sidecar.GetValueOrDefault(id), file));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                skipped.Add(new SkippedArticle(file, e.Message));
            }
        }

        var unknown = sidecar.Keys.Except(articles.Select(a => a.Id)).Except(skipped.Select(s => Path.GetFileNameWithoutExtension(s.File))).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"{MetadataYaml.SidecarFileName} describes articles that are not in the folder: {string.Join(", ", unknown)}.");
        }

        return new Corpus(articles, skipped);
    }

    /// <param name="sidecar">The articles.yaml entry: when present, its values are final, nulls included.</param>
    internal static Article Load(string id, string extension, string content, MetadataEntry? sidecar, string source)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var (declared, lines) = extension.ToLowerInvariant() switch
        {
            ".md" => ReadMarkdown(content, source),
            ".html" or ".htm" => HtmlArticle.Read(content),
            _ => (null, content),
        };

        var given = sidecar ?? declared;
        var parsed = ArticleText.Parse(lines, given?.Title);
        if (parsed.Body.Length == 0)
        {
            throw new InvalidDataException($"{source}: no article text is left once the page furniture is removed.");
        }

        var metadata = sidecar is not null ? FromEntry(sidecar, parsed, source)
            : declared is not null ? FillGaps(FromEntry(declared, parsed, source), parsed.Header)
            : FillGaps(FromEntry(new MetadataEntry(), parsed, source), parsed.Header);
        return new Article(id, metadata, parsed.Body);
    }

    private static (MetadataEntry?, string) ReadMarkdown(string content, string source)
    {
        var (frontMatter, body) = MetadataYaml.SplitFrontMatter(content, source);
        return (frontMatter, MarkdownText.ToPlainLines(body));
    }

    private static ArticleMetadata FromEntry(MetadataEntry entry, ParsedText parsed, string source)
    {
        return new ArticleMetadata(
            Title: entry.Title ?? DerivedTitle(parsed.Body),
            TitleIsDerived: entry.Title is null,
            Outlet: entry.Outlet,
            Author: entry.Author,
            Published: entry.PublishedDate(source),
            Written: entry.Written,
            Url: entry.Url);
    }

    /// <summary>With no sidecar entry, what the page header shows fills what the declared metadata lacks.</summary>
    private static ArticleMetadata FillGaps(ArticleMetadata metadata, PageHeader header) => metadata with
    {
        Title = metadata.TitleIsDerived && header.Headline is not null ? header.Headline : metadata.Title,
        TitleIsDerived = metadata.TitleIsDerived && header.Headline is null,
        Author = metadata.Author ?? AuthorFromByline(header.Byline),
        Outlet = metadata.Outlet ?? header.Credit,
        Published = metadata.Published
            ?? (header.Byline is null ? null : HeaderDates.Find(header.Byline))
            ?? (header.Caption is null ? null : HeaderDates.Find(header.Caption)),
    };

    /// <summary>"By Jane Doe | Aug 23, 2025" or "Desk / Jane Doe / 23rd August 2025": the part that names a person.</summary>
    private static string? AuthorFromByline(string? byline)
    {
        if (byline is null)
        {
            return null;
        }

        var parts = BylineSeparator().Split(byline.StartsWith("By ", StringComparison.Ordinal) ? byline[3..] : byline);
        return parts.Select(p => p.Trim())
            .FirstOrDefault(p => p.Length > 0 && HeaderDates.Find(p) is null && !p.EndsWith(" Desk", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An article without a headline is titled by its first sentence, cut at a word near 80 characters.</summary>
    private static string DerivedTitle(string body)
    {
        var first = FirstSentence().Match(body).Value.Trim();
        if (first.Length <= 80)
        {
            return first.TrimEnd('.');
        }

        var cut = first.LastIndexOf(' ', 79);
        return string.Concat(first.AsSpan(0, cut > 20 ? cut : 79), "…");
    }

    [GeneratedRegex(@"\s[|/]\s")]
    private static partial Regex BylineSeparator();

    [GeneratedRegex(@"^.+?[.!?](?=\s|$)|^.+$", RegexOptions.Multiline)]
    private static partial Regex FirstSentence();
}
