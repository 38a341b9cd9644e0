using System.Globalization;
using System.Text;
using SummitBot.Conversations;

namespace SummitBot.Hosting;

/// <summary>
/// Caller-supplied values (channel ids, serviceUrls, conversation keys, activity types) as they may appear in a
/// log line: short enough that a hostile request cannot write lines of megabytes, with the cut stated, so a
/// reader knows the value was longer; and on one line, with control characters escaped, so a value cannot
/// forge a log line of its own.
/// </summary>
public static class LogValue
{
    /// <summary>Longest value written whole; every real Bot Framework id and serviceUrl fits.</summary>
    public const int MaxLength = 160;

    public static string? Shorten(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var shown = value.Length <= MaxLength
            ? value
            : TextShortener.Shorten(value, MaxLength) + string.Format(CultureInfo.InvariantCulture, " [{0:N0} characters in all]", value.Length);
        return EscapeControls(shown);
    }

    public static string? Shorten(object? value) => Shorten(value?.ToString());

    /// <summary>\n, \r, \t as themselves; any other control character as \uXXXX.</summary>
    private static string EscapeControls(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
