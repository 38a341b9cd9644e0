using System.Text;
using System.Text.RegularExpressions;

namespace SummitBot.Retrieval.Articles;

/// <summary>
/// Turns the lines of a scraped page into a headline, what the page header says (byline, caption, credit)
/// and the body text. Scraped news pages wrap the story in furniture — section labels, bylines, photo
/// captions, "Also Read" links, comment forms — that must never become passage text.
/// </summary>
internal static partial class ArticleText
{
    private const int MinProseWords = 8;

    public static ParsedText Parse(string raw, string? knownTitle)
    {
        var lines = Normalize(raw).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var bodyStart = lines.FindIndex(IsProse);
        if (bodyStart < 0)
        {
            bodyStart = 0;
        }

        var header = ParseHeader(lines.Take(bodyStart).ToList(), knownTitle);
        var body = lines.Skip(bodyStart)
            .Where(line => !PageFurniture.IsFurniture(line))
            .Where(line => header.Headline is null || !SameText(line, header.Headline))
            .ToList();
        return new ParsedText(header, string.Join('\n', body));
    }

    /// <summary>One space for any run of blanks (no-break spaces included), \n for any line break.</summary>
    public static string Normalize(string raw)
    {
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var builder = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            builder.Append(Blanks().Replace(line, " ").Trim()).Append('\n');
        }

        return builder.ToString().TrimEnd('\n');
    }

    public static bool IsProse(string line) =>
        WordCount(line) >= MinProseWords && SentenceEnd().IsMatch(line);

    public static int WordCount(string line) => Words().Count(line);

    private static PageHeader ParseHeader(List<string> lines, string? knownTitle)
    {
        string? headline = null, byline = null, caption = null, credit = null;
        foreach (var line in lines)
        {
            if (knownTitle is not null && SameText(line, knownTitle))
            {
                headline = line;
            }
            else if (IsByline(line))
            {
                byline ??= line;
            }
            else if (WordCount(line) >= 4 && headline is null && knownTitle is null)
            {
                headline = line;
            }
            else if (WordCount(line) >= 4)
            {
                caption ??= line;
            }
            else if (caption is not null)
            {
                credit ??= line;   // a short line under a photo caption is its credit ("Reuters")
            }
        }

        return new PageHeader(headline, byline, caption, credit);
    }

    private static bool IsByline(string line) =>
        line.StartsWith("By ", StringComparison.Ordinal) ||
        (line.Contains(" / ", StringComparison.Ordinal) && HeaderDates.Find(line) is not null) ||
        (line.Contains(" | ", StringComparison.Ordinal) && HeaderDates.Find(line) is not null);

    private static bool SameText(string a, string b) =>
        string.Equals(Blanks().Replace(a, " ").Trim(), Blanks().Replace(b, " ").Trim(), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"[\s\u00A0\u2007\u202F]+")]
    private static partial Regex Blanks();

    [GeneratedRegex(@"[.!?][""'”’)\]]*$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")]
    private static partial Regex Words();
}

/// <summary>What the top of a page says about the article, before its first paragraph.</summary>
internal sealed record PageHeader(string? Headline, string? Byline, string? Caption, string? Credit);

internal sealed record ParsedText(PageHeader Header, string Body);
