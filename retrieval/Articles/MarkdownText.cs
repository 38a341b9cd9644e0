using System.Text.RegularExpressions;

namespace SummitBot.Retrieval.Articles;

/// <summary>Markdown down to the plain lines a reader sees: no heading marks, emphasis, images or link targets.</summary>
internal static partial class MarkdownText
{
    public static string ToPlainLines(string markdown)
    {
        var text = Image().Replace(markdown, "");
        text = Link().Replace(text, "$1");
        text = Heading().Replace(text, "");
        text = Quote().Replace(text, "");
        text = Emphasis().Replace(text, "");
        return text;
    }

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6}\s*", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^>\s?", RegexOptions.Multiline)]
    private static partial Regex Quote();

    [GeneratedRegex(@"(\*\*|__|\*|_(?=\S)|(?<=\S)_)")]
    private static partial Regex Emphasis();
}
