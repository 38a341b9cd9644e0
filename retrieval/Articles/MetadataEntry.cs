using System.Globalization;

namespace SummitBot.Retrieval.Articles;

/// <summary>Metadata as written in articles.yaml or a Markdown file's front matter; null = not said.</summary>
internal sealed class MetadataEntry
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Outlet { get; set; }

    public string? Author { get; set; }

    public string? Published { get; set; }

    public string? Written { get; set; }

    public string? Url { get; set; }

    public DateOnly? PublishedDate(string source) =>
        string.IsNullOrWhiteSpace(Published) ? null
        : DateOnly.TryParseExact(Published.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new InvalidDataException($"{source}: published '{Published}' is not a date (yyyy-MM-dd).");
}
