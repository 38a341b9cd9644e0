using System.Text;
using System.Text.RegularExpressions;

namespace SummitBot.Evaluation.Scripts;

/// <summary>
/// How an expected phrase is found in an answer or an article: case-insensitive "contains", after both sides
/// are brought to one spelling of quotes, dashes and spaces and the answer's [n] markers are dropped. Without
/// that, a script written with a straight apostrophe would fail an answer quoting an article's curly one.
/// </summary>
public static partial class TextMatch
{
    public static bool Contains(string text, string phrase)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(phrase);
        return Normalise(text).Contains(Normalise(phrase), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Collapses every run of whitespace to one space and trims: how recorded replies are compared.</summary>
    public static string CollapseWhitespace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>The text without its [n] citation markers (and the space before each).</summary>
    public static string WithoutMarkers(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CitationMarker().Replace(text, string.Empty);
    }

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in WithoutMarkers(text))
        {
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u02BC' or '`' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                _ => c,
            });
        }

        return CollapseWhitespace(builder.ToString());
    }

    [GeneratedRegex(@"\s*\[\d+\]")]
    private static partial Regex CitationMarker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
