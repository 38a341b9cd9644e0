using System.Globalization;
using System.Text.RegularExpressions;

namespace SummitBot.Retrieval.Articles;

/// <summary>Reads the date out of a byline or caption ("Aug 23, 2025", "23rd August 2025").</summary>
internal static partial class HeaderDates
{
    public static DateOnly? Find(string line)
    {
        foreach (Match match in Dates().Matches(line))
        {
            var text = match.Value.Replace(",", "", StringComparison.Ordinal);
            text = Ordinal().Replace(text, "$1");
            string[] formats = ["MMM d yyyy", "MMMM d yyyy", "d MMM yyyy", "d MMMM yyyy"];
            if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
            {
                return date;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8},? \d{4})\b")]
    private static partial Regex Dates();

    [GeneratedRegex(@"(\d)(?:st|nd|rd|th)")]
    private static partial Regex Ordinal();
}
