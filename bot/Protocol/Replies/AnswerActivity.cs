using SummitBot.Answering;
using SummitBot.Conversations;
using SummitBot.Protocol.Activities;

namespace SummitBot.Protocol.Replies;

/// <summary>
/// Shapes an answer for the Bot Framework: markdown with [n] markers, one schema.org Message entity holding
/// the AI label and a Claim per citation (Teams shows them as hover cards), Teams' feedback buttons, and on
/// every other channel, which ignores the entity, the sources written out under the text.
/// </summary>
public static class AnswerActivity
{
    /// <summary>Teams refuses a message with more citations than this.</summary>
    public const int MaxCitations = 20;

    /// <summary>Opens the source list appended to answers on channels that do not render citations (not Teams).</summary>
    public const string SourcesHeading = "\n\nSources:\n\n";

    public const int MaxCitationNameLength = 80;
    public const int MaxCitationAbstractLength = 160;

    /// <param name="message">A message activity already addressed to the user.</param>
    public static Activity Create(Activity message, Answer answer, ArticleLinks links)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(answer);
        var citations = answer.Citations.DistinctBy(c => c.N).OrderBy(c => c.N).Take(MaxCitations).ToList();
        var isTeams = message.ChannelId == ChannelIds.MsTeams;

        var text = answer.Text;
        if (!isTeams && citations.Count > 0)
        {
            text += SourcesHeading + string.Join("\n", citations.Select(c => "- " + MarkdownLines.Cited(c, links)));
        }

        return message with
        {
            Text = text,
            Entities =
            [
                new MessageEntity
                {
                    AdditionalType = [MessageEntity.AiGeneratedContent],
                    Citation = citations.Count == 0 ? null : [.. citations.Select(c => ToClaim(c, links))],
                },
            ],
            ChannelData = isTeams ? new TeamsChannelData(FeedbackLoop.Default) : null,
        };
    }

    private static Claim ToClaim(Citation citation, ArticleLinks links)
    {
        var name = TextShortener.Shorten(MarkdownLines.TitleOf(citation.Title, citation.ArticleId), MaxCitationNameLength);
        var excerpt = string.IsNullOrWhiteSpace(citation.Excerpt) ? null : TextShortener.Shorten(citation.Excerpt.Trim(), MaxCitationAbstractLength);
        return new Claim(citation.N, new DigitalDocument(name, links.For(citation.ArticleId, citation.Url, citation.Sentence).AbsoluteUri, excerpt));
    }
}
