using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using SummitBot.Retrieval.Articles;
using SummitBot.Retrieval.Passages;

namespace SummitBot.Answering.Model;

/// <summary>Words of a sentence of the model's reply and the passage numbers that follow them.</summary>
internal sealed record ReplySegment(string Text, IReadOnlyList<int> Cited);

/// <summary>
/// One sentence of the model's reply, markup removed: its cited segments in order ("X [1], while Y [2]"), and
/// what follows the last marker (its full stop, or words that cite nothing).
/// </summary>
internal sealed record ReplySentence(IReadOnlyList<ReplySegment> Segments, string Tail)
{
    /// <summary>Every part cites something: no words before a marker's segment or after the last marker go uncited.</summary>
    public bool IsCited => Segments.Count > 0 && !Tail.Any(char.IsLetterOrDigit) && Segments.All(s => s.Cited.Count > 0);

    /// <summary>
    /// The sentence with each segment's markers written by <paramref name="markers"/>, given the segment's index:
    /// in place within it ("X [1], while Y [2].") and after its full stop at its end ("X. [1]"), as the bot writes.
    /// </summary>
    public string Write(Func<int, string> markers) =>
        string.Concat(Segments.Select((s, i) => i == Segments.Count - 1
            ? $"{s.Text.TrimEnd()}{Tail.Trim()} {markers(i)}"
            : $"{s.Text.TrimEnd()} {markers(i)}"));
}

/// <summary>
/// Turns the model's text into an answer the bot can stand behind: markup removed (a link's address, HTML, emphasis),
/// a sentence kept only when it cites passages the model was shown and <see cref="GroundingCheck"/> finds it stated
/// there, the passages' numbers turned into citation numbers (an article once), and the agreed not-covered reply
/// turned into the bot's plain refusal.
/// </summary>
internal static partial class ModelReply
{
    /// <summary>What the prompt tells the model to reply, alone, when the passages do not answer.</summary>
    public const string NotCoveredMarker = "NOT_COVERED";

    /// <summary>
    /// The model says the passages do not answer. Text beside the marker is not trusted over it: the model
    /// itself judged the passages insufficient, so the bot declines rather than show what it wrote anyway.
    /// </summary>
    public static bool SaysNotCovered(string reply) => reply?.Contains(NotCoveredMarker, StringComparison.Ordinal) ?? false;

    /// <summary>The reply's sentences, markup removed, each with its segments and the passages they cite.</summary>
    public static IReadOnlyList<ReplySentence> Sentences(string reply)
    {
        // "Stated. [1]" and "Stated [1]." are the same citation: the markers go before the full stop, so the
        // sentence they belong to ends after them.
        var text = MarkersAfterStop().Replace(Plain(reply), "${markers}${stop}");
        // A piece with no words of its own ("” [1]" after a quotation's full stop) ends the sentence before it.
        var pieces = new List<string>();
        foreach (var piece in SentenceSplitter.Split(text).Select(range => text[range].Trim()))
        {
            if (pieces.Count > 0 && !Marker().Replace(piece, "").Any(char.IsLetterOrDigit))
            {
                pieces[^1] += piece;
            }
            else
            {
                pieces.Add(piece);
            }
        }

        return [.. pieces.Select(Read).Where(s => s.Segments.Count > 0 || s.Tail.Any(char.IsLetterOrDigit))];
    }

    private static ReplySentence Read(string sentence)
    {
        var segments = new List<ReplySegment>();
        var end = 0;
        foreach (Match segment in Segment().Matches(sentence))
        {
            var cited = Marker().Matches(segment.Groups["markers"].Value)
                .Select(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)).Distinct().ToList();
            segments.Add(new ReplySegment(segment.Groups["text"].Value, cited));
            end = segment.Index + segment.Length;
        }

        return new ReplySentence(segments, sentence[end..]);
    }

    /// <returns>The answer (null when no sentence survives), and how many sentences the check dropped.</returns>
    /// <param name="notCovered">What to say when the model says the passages do not answer.</param>
    public static (Answer? Answer, int Dropped) ToAnswer(
        string reply, IReadOnlyList<ModelSource> sources, GroundingCheck check, Corpus corpus, Func<string, string> shorten, string notCovered)
    {
        if (SaysNotCovered(reply))
        {
            return (Answer.NotCovered(notCovered), 0);
        }

        var (kept, dropped) = Check(reply, sources, check);
        var citations = new CitationList(corpus, shorten);
        var text = kept.Select(sentence => sentence.Write(i => string.Concat(sentence.Segments[i].Cited
            .Select(n => sources.First(s => s.N == n))
            .Select(s => citations.NumberOf(s.ArticleId, s.Text)).Distinct().Select(n => $"[{n}]"))));
        return (kept.Count == 0 ? null : new Answer(string.Join(' ', text), Grounded: true, citations.All), dropped);
    }

    /// <summary>
    /// The reply's sentences that every part of cites a passage the model was shown, and that the check finds
    /// stated there, each segment citing only those passages; and how many sentences were dropped. A reply that
    /// says <see cref="NotCoveredMarker"/> keeps none.
    /// </summary>
    public static (IReadOnlyList<ReplySentence> Kept, int Dropped) Check(string reply, IReadOnlyList<ModelSource> sources, GroundingCheck check)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(check);
        var sentences = Sentences(reply);
        if (SaysNotCovered(reply))
        {
            return ([], sentences.Count);
        }

        var kept = new List<ReplySentence>();
        foreach (var sentence in sentences)
        {
            // A number the model was not shown cites nothing.
            var shown = sentence with { Segments = [.. sentence.Segments.Select(s => s with { Cited = [.. s.Cited.Where(n => sources.Any(m => m.N == n))] })] };
            if (shown.IsCited && shown.Segments.All(s => check.Supports(s.Text, [.. s.Cited.Select(n => sources.First(m => m.N == n).Text)])))
            {
                kept.Add(shown);
            }
        }

        return (kept, sentences.Count - kept.Count);
    }

    /// <summary>
    /// The reply as plain text: no headings (a title is no claim), no script or style, no tags, a link as its words without its address (the bot shows
    /// no address the articles did not give), no images, emphasis, headings or list bullets.
    /// </summary>
    internal static string Plain(string reply)
    {
        var text = Tag().Replace(ScriptOrStyle().Replace(Heading().Replace(reply ?? "", " "), " "), " ");
        text = Tag().Replace(WebUtility.HtmlDecode(text), " ");
        text = Image().Replace(text, " ");
        text = Link().Replace(text, "${words}");
        text = Emphasis().Replace(text, "");
        text = LineStart().Replace(text, "");
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\[(?<n>\d{1,3})\]")]
    private static partial Regex Marker();

    /// <summary>Words followed by a run of [n] markers.</summary>
    [GeneratedRegex(@"(?<text>[^\[]*?)(?<markers>(\s*\[\d{1,3}\])+)")]
    private static partial Regex Segment();

    [GeneratedRegex(@"(?<stop>[.!?])(?<markers>(?:\s*\[\d{1,3}\])+)")]
    private static partial Regex MarkersAfterStop();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?(</\1\s*>|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"</?[a-zA-Z!][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    /// <summary>[words](address) or [words][ref], but not a bare [1] citation marker.</summary>
    [GeneratedRegex(@"\[(?<words>[^\]]*\D[^\]]*)\](?:\([^)]*\)|\[[^\]]*\D[^\]]*\])")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*\*|__|`|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"(?m)^\s*#{1,6}\s.*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?m)^\s*(?:[-*+]\s+|\d+\.\s+|>\s*)")]
    private static partial Regex LineStart();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
