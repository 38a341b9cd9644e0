using System.Globalization;
using SummitBot.Conversations;

namespace SummitBot.Hosting;

/// <summary>
/// Caller-supplied values (channel ids, serviceUrls, conversation keys, activity types) as they may appear in a
/// log line: short enough that a hostile request cannot write lines of megabytes, with the cut stated, so a
/// reader knows the value was longer.
/// </summary>
public static class LogValue
{
    /// <summary>Longest value written whole; every real Bot Framework id and serviceUrl fits.</summary>
    public const int MaxLength = 160;

    public static string? Shorten(string? value) =>
        value is null || value.Length <= MaxLength
            ? value
            : TextShortener.Shorten(value, MaxLength) + string.Format(CultureInfo.InvariantCulture, " [{0:N0} characters in all]", value.Length);

    public static string? Shorten(object? value) => Shorten(value?.ToString());
}
