namespace SummitBot.Conversations;

public static class TextShortener
{
    private const char Ellipsis = '…';

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> UTF-16 units, ending with an ellipsis
    /// when cut, preferably at a word boundary, and never between the halves of a surrogate pair.
    /// </summary>
    public static string Shorten(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (text.Length <= maxLength)
        {
            return text;
        }

        if (maxLength == 0)
        {
            return string.Empty;
        }

        var cut = maxLength - 1;
        var space = text.LastIndexOf(' ', cut);
        // A word boundary is worth losing up to a fifth of the room, not more.
        if (space > cut * 4 / 5)
        {
            cut = space;
        }

        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), Ellipsis.ToString());
    }
}
