using SummitBot.Answering;
using SummitBot.Conversations;
using SummitBot.Protocol.Activities;

namespace SummitBot.Protocol.Replies;

/// <summary>
/// Shapes an answer for the Bot Framework: markdown with [n] markers and one schema.org Message entity holding the
/// AI label and a Claim per citation, in the shape each channel shows. Teams: hover cards and its feedback buttons.
/// Web Chat (Direct Line, the Emulator): numbered citations that open the excerpt (<see cref="WebChatCitations"/>).
/// Any other channel, which ignores the entity: the sources written out under the text.
/// </summary>
public static class AnswerActivity
{
    /// <summary>Teams refuses a message with more citations than this.</summary>
    public const int MaxCitations = 20;

    /// <summary>Opens the source list appended to answers on channels that render no citations.</summary>
    public const string SourcesHeading = "\n\nSources:\n\n";

    public const int MaxCitationNameLength = 80;
    public const int MaxCitationAbstractLength = 160;

    /// <param name="message">A message activity already addressed to the user.</param>
    public static Activity Create(Activity message, Answer answer, ArticleLinks links)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(answer);
        var citations = answer.Citations.DistinctBy(c => c.N).OrderBy(c => c.N).Take(MaxCitations).ToList();
        var root = new MessageEntity { AdditionalType = [MessageEntity.AiGeneratedContent] };

        return message.ChannelId switch
        {
            ChannelIds.MsTeams => message with
            {
                Text = answer.Text,
                Entities = [root with { Citation = Claims(citations, c => ToClaim(c, links)) }],
                ChannelData = new TeamsChannelData(FeedbackLoop.Default),
            },
            ChannelIds.DirectLine or ChannelIds.WebChat or ChannelIds.Emulator => message with
            {
                Text = WebChatCitations.Text(answer.Text, citations),
                Entities = [root with { Citation = Claims(citations, c => WebChatCitations.ToClaim(ToClaim(c, links), c, links)) }],
            },
            _ => message with
            {
                Text = citations.Count == 0 ? answer.Text : answer.Text + SourcesHeading + string.Join("\n", citations.Select(c => "- " + MarkdownLines.Cited(c, links))),
                Entities = [root with { Citation = Claims(citations, c => ToClaim(c, links)) }],
            },
        };
    }

    private static List<Claim>? Claims(List<Citation> citations, Func<Citation, Claim> toClaim) =>
        citations.Count == 0 ? null : [.. citations.Select(toClaim)];

    private static Claim ToClaim(Citation citation, ArticleLinks links)
    {
        var name = TextShortener.Shorten(MarkdownLines.TitleOf(citation.Title, citation.ArticleId), MaxCitationNameLength);
        var excerpt = string.IsNullOrWhiteSpace(citation.Excerpt) ? null : TextShortener.Shorten(citation.Excerpt.Trim(), MaxCitationAbstractLength);
        return new Claim(citation.N, new DigitalDocument(name, links.For(citation.ArticleId, citation.Url, citation.Sentence).AbsoluteUri, excerpt));
    }
}
