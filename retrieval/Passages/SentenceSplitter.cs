using System.Text.RegularExpressions;

namespace SummitBot.Retrieval.Passages;

/// <summary>
/// Finds sentence boundaries in article text. A line break always ends a sentence (scraped paragraphs);
/// a full stop does unless it closes an abbreviation or initialism ("U.S.", "Mr.", "Aug."), because news
/// copy is full of them and a split there would cut "U.S. President Donald Trump" in two.
/// </summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "pres", "st", "jr", "sr", "no", "vs", "etc",
        "inc", "ltd", "co", "corp", "dept", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "lt", "col", "capt", "sgt", "cmdr", "adm",
    };

    /// <summary>The sentences of <paramref name="text"/> as (start, length) spans, trimmed of surrounding blanks.</summary>
    public static IReadOnlyList<Range> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<Range>();
        var start = 0;
        foreach (Match end in Boundary().Matches(text))
        {
            if (end.Value[0] != '\n' && IsAbbreviation(text, end.Index))
            {
                continue;
            }

            Add(spans, text, start, end.Index + end.Length);
            start = end.Index + end.Length;
        }

        Add(spans, text, start, text.Length);
        return spans;
    }

    private static bool IsAbbreviation(string text, int periodIndex)
    {
        if (text[periodIndex] != '.')
        {
            return false;
        }

        var wordStart = periodIndex;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..periodIndex];
        return word.Contains('.', StringComparison.Ordinal)        // U.S, e.g
            || (word.Length == 1 && char.IsUpper(word[0]))      // an initial: "John F. Kennedy"
            || Abbreviations.Contains(word);
    }

    private static void Add(List<Range> spans, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add(new Range(start, end));
        }
    }

    /// <summary>End punctuation with any closing quotes, followed by a blank and a likely sentence start; or a line break.</summary>
    [GeneratedRegex(@"[.!?]+[""'”’)\]]*(?=\s+[""'“‘(\[]?[\p{Lu}\p{N}])|\n")]
    private static partial Regex Boundary();
}
