using System.Text.RegularExpressions;

namespace SummitBot.Retrieval.Text;

/// <summary>A word of some text, with where it stands and its stem.</summary>
public readonly record struct Word(string Text, int Index, string Stem)
{
    public bool IsCapitalized => char.IsUpper(Text[0]);
}

/// <summary>Splits text into words: runs of letters and digits, keeping inner apostrophes and hyphens ("Lee’s", "Kang Yu-jung").</summary>
public static partial class Words
{
    /// <summary>Words past this many are ignored: a question is short, and 100 KB of pasted text must stay cheap.</summary>
    public const int MaxWords = 2_000;

    public static IReadOnlyList<Word> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<Word>();
        foreach (Match match in Pattern().Matches(text))
        {
            foreach (var part in SplitHyphens(match))
            {
                words.Add(part);
                if (words.Count == MaxWords)
                {
                    return words;
                }
            }
        }

        return words;
    }

    /// <summary>Hyphenated compounds count as their parts, so "Seoul-Tokyo relations" is found by "Seoul".</summary>
    private static IEnumerable<Word> SplitHyphens(Match match)
    {
        var parts = match.Value.Split('-');
        var offset = match.Index;
        foreach (var part in parts)
        {
            if (part.Length > 0)
            {
                yield return new Word(part, offset, Stemmer.Stem(part));
            }

            offset += part.Length + 1;
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")]
    private static partial Regex Pattern();
}
