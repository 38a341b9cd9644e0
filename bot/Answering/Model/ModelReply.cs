using System.Text.RegularExpressions;
using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Passages;

namespace SummitBot.Answering.Model;

/// <summary>
/// Turns the model's text into an answer the bot can stand behind: a sentence is kept only when it cites a
/// passage the model was shown, the passages' numbers become citation numbers (an article once), and the
/// agreed not-covered reply becomes the bot's plain refusal.
/// </summary>
internal static partial class ModelReply
{
    /// <summary>What the prompt tells the model to reply, alone, when the passages do not answer.</summary>
    public const string NotCoveredMarker = "NOT_COVERED";

    /// <returns>The answer, or null when nothing the model said is grounded in a passage it was shown.</returns>
    /// <param name="notCovered">What to say when the model says the passages do not answer.</param>
    public static Answer? ToAnswer(string reply, IReadOnlyList<ModelSource> sources, Corpus corpus, Func<string, string> shorten, string notCovered)
    {
        ArgumentNullException.ThrowIfNull(reply);
        reply = reply.Trim();
        if (reply.Contains(NotCoveredMarker, StringComparison.Ordinal))
        {
            return Answer.NotCovered(notCovered);
        }

        var citations = new CitationList(corpus, shorten);
        var kept = new List<string>();
        foreach (Match claim in Claim().Matches(reply))
        {
            var cited = Marker().Matches(claim.Groups["markers"].Value)
                .Select(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture))
                .Select(n => sources.FirstOrDefault(s => s.N == n))
                .OfType<ModelSource>()
                .ToList();

            // Markers cover the sentence they follow; a sentence before it that has none of its own is uncited.
            var text = claim.Groups["text"].Value.Trim();
            var sentences = SentenceSplitter.Split(text);
            var sentence = sentences.Count == 0 ? "" : text[sentences[^1]].Trim();
            if (cited.Count == 0 || sentence.Length == 0)
            {
                continue; // a claim that cites nothing the model was shown is not the articles'
            }

            var numbers = cited.Select(s => citations.NumberOf(s.ArticleId, s.Text)).Distinct();
            kept.Add($"{sentence} {string.Concat(numbers.Select(n => $"[{n}]"))}");
        }

        return kept.Count == 0 ? null : new Answer(string.Join(' ', kept), Grounded: true, citations.All);
    }

    [GeneratedRegex(@"\[(?<n>\d{1,3})\]")]
    private static partial Regex Marker();

    /// <summary>Text followed by a run of [n] markers: one cited claim.</summary>
    [GeneratedRegex(@"(?<text>[^\[]+?)(?<markers>(\s*\[\d{1,3}\])+)")]
    private static partial Regex Claim();
}
