using System.Text.RegularExpressions;
using SummitBot.Answering;
using SummitBot.Protocol.Activities;

namespace SummitBot.Protocol.Replies;

/// <summary>
/// Citations as Web Chat 4.18 shows them: the text ends with a markdown link definition per marker,
/// `[1]: cite:1 "Title"`, which it turns into a numbered list under the answer, and each Claim (matched by position)
/// carries the excerpt and a link to its article as markdown, shown when the citation is opened. Web Chat opens that
/// only for a document without a url, so the article's address moves to the Claim itself.
/// </summary>
public static partial class WebChatCitations
{
    /// <summary>The scheme of the definitions' addresses, which Web Chat renders as buttons that open the Claim.</summary>
    public const string Scheme = "cite:";

    /// <summary>
    /// The answer with adjacent markers spaced (markdown reads `[1][2]` as one link, to 2, labelled 1) and the link
    /// definitions after it.
    /// </summary>
    public static string Text(string answer, IReadOnlyList<Citation> citations)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(citations);
        var spaced = AdjacentMarker().Replace(answer, "$1 ");
        return citations.Count == 0
            ? spaced
            : spaced + "\n\n" + string.Join("\n", citations.Select(c => $"[{c.N}]: {Scheme}{c.N} \"{Quoted(MarkdownLines.TitleOf(c.Title, c.ArticleId))}\""));
    }

    /// <summary>The Teams-shaped claim reshaped for Web Chat: the excerpt (whole, as the answer quotes it) and the article's link as the opened text.</summary>
    public static Claim ToClaim(Claim shaped, Citation citation, ArticleLinks links)
    {
        ArgumentNullException.ThrowIfNull(shaped);
        ArgumentNullException.ThrowIfNull(citation);
        ArgumentNullException.ThrowIfNull(links);
        var excerpt = string.IsNullOrWhiteSpace(citation.Excerpt) ? "" : Quote(citation.Excerpt.Trim()) + "\n\n";
        return shaped with
        {
            Id = Scheme + citation.N,
            Url = shaped.Appearance.Url,
            Appearance = shaped.Appearance with { Url = null, Abstract = null, Text = excerpt + MarkdownLines.Source(citation, links, atSentence: true) },
        };
    }

    /// <summary>A definition's title is in double quotes: a quote or backslash in it is escaped.</summary>
    private static string Quoted(string title) => title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    /// <summary>As a markdown block quote, every line of it, with markdown's own characters escaped so article text stays text.</summary>
    private static string Quote(string excerpt) =>
        string.Join("\n", excerpt.Split('\n').Select(line => "> " + MarkdownSpecial().Replace(line.Trim(), @"\$0")));

    [GeneratedRegex(@"(\[\d+\])(?=\[\d+\])")]
    private static partial Regex AdjacentMarker();

    [GeneratedRegex(@"[\\`*_\[\]<>#|~]")]
    private static partial Regex MarkdownSpecial();
}
