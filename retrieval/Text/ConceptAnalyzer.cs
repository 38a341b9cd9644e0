namespace SummitBot.Retrieval.Text;

/// <summary>Reads the concepts of a question or a sentence: aliases resolved, stop words dropped.</summary>
public sealed class ConceptAnalyzer(AliasTable aliases)
{
    public AliasTable Aliases { get; } = aliases;

    public IReadOnlyList<Concept> Analyze(string text)
    {
        var words = Words.Of(text);
        var concepts = new List<Concept>();
        for (var i = 0; i < words.Count;)
        {
            var word = words[i];
            if (Aliases.Match(words, i) is { } alias)
            {
                var surface = string.Join(' ', words.Skip(i).Take(alias.Length).Select(w => w.Text));
                concepts.Add(new Concept(alias.Key, surface, word.Index, IsName(text, words, i)));
                i += alias.Length;
                continue;
            }

            if (!StopWords.Contains(word.Text) && !StopWords.Contains(word.Stem))
            {
                concepts.Add(new Concept(word.Stem, word.Text, word.Index, IsName(text, words, i)));
            }

            i++;
        }

        return concepts;
    }

    /// <summary>A capitalised word not at the start of a sentence, or a number: "Seoul", "2022", "G7".</summary>
    private static bool IsName(string text, IReadOnlyList<Word> words, int at)
    {
        var word = words[at];
        if (word.Text.Any(char.IsDigit))
        {
            return true;
        }

        if (!word.IsCapitalized || (word.Text.Length == 1))
        {
            return false;
        }

        var previous = word.Index - 1;
        while (previous >= 0 && char.IsWhiteSpace(text[previous]) && text[previous] != '\n')
        {
            previous--;
        }

        var startsSentence = previous < 0 || ".!?\n:\"“‘(".Contains(text[previous], StringComparison.Ordinal);
        return !startsSentence || (at + 1 < words.Count && words[at + 1].IsCapitalized);
    }
}
