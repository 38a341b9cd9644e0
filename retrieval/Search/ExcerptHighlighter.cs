using Lucene.Net.Search.Highlight;
using SummitBot.Retrieval.Index;
using SummitBot.Retrieval.Text;

namespace SummitBot.Retrieval.Search;

/// <summary>
/// Shortens a cited sentence for display to the part that holds what was asked, with Lucene's highlighter
/// choosing the fragment: "…agreed to 15% tariffs on U.S. imports…" rather than the sentence's first words.
/// Text that fits is shown whole.
/// </summary>
public static class ExcerptHighlighter
{
    private const string Ellipsis = "…";

    public static string Excerpt(string text, PassageQuery query, ConceptAnalyzer analyzer, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (text.Length <= maxLength)
        {
            return text;
        }

        if (LuceneQuery.Of(query, analyzer) is { } lucene)
        {
            var scorer = new QueryScorer(lucene, PassageFields.Text);
            var highlighter = new Highlighter(new SimpleHTMLFormatter("", ""), scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, maxLength - (2 * Ellipsis.Length)),
            };
            // The fragmenter's size is a target, not a limit: the fragment starts at the best match and is
            // cut at a word to fit.
            var best = highlighter.GetBestFragment(analyzer.Words.Analyzer, PassageFields.Text, text)?.Trim();
            var at = string.IsNullOrEmpty(best) ? -1 : text.IndexOf(best, StringComparison.Ordinal);
            if (at > 0)
            {
                return Ellipsis + CutAtWord(text[at..], maxLength - Ellipsis.Length);
            }
        }

        return CutAtWord(text, maxLength);
    }

    /// <summary>The text, or as many of its first words as fit in <paramref name="length"/> with an ellipsis.</summary>
    private static string CutAtWord(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', length - Ellipsis.Length - 1);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : length - Ellipsis.Length).TrimEnd(" ,;:".ToCharArray()), Ellipsis);
    }
}
