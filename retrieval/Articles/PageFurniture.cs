using System.Text.RegularExpressions;

namespace SummitBot.Retrieval.Articles;

/// <summary>Lines of a news page that belong to the site, not to the story.</summary>
internal static partial class PageFurniture
{
    public static bool IsFurniture(string line) =>
        SiteChrome().IsMatch(line) || IsLinkListItem(line) || IsLabel(line);

    /// <summary>"- Tokyo Talks Strengthen Ties…": a bulleted headline with no sentence end is a link to another story.</summary>
    private static bool IsLinkListItem(string line) =>
        Bullet().IsMatch(line) && !ArticleText.IsProse(line.TrimStart('-', '•', '*', ' '));

    /// <summary>Short lines that are not sentences ("Tags", "World", "Reuters") label the page, not the story.</summary>
    private static bool IsLabel(string line) => ArticleText.WordCount(line) <= 3 && !ArticleText.IsProse(line) && !line.EndsWith('.');

    [GeneratedRegex(
        @"^(also read|read more|read also|related (articles|posts|stories|news)|leave a (reply|comment)|" +
        @"your email address will not be published|required fields are marked|back to top|tags?\b|" +
        @"share (this|on)|follow us|subscribe|advertisement|click here|sign up for)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SiteChrome();

    [GeneratedRegex(@"^[-•*]\s")]
    private static partial Regex Bullet();
}
