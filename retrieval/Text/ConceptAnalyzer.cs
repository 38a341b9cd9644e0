namespace SummitBot.Retrieval.Text;

/// <summary>Reads the concepts of a question or a sentence: aliases resolved, stop words dropped.</summary>
/// <param name="vocabulary">Stems the corpus uses; a question's word outside it is read as the corpus word it
/// shares a long beginning with ("colony" as "colonial", "presidency" as "president"). Null: no mapping.</param>
public sealed class ConceptAnalyzer(AliasTable aliases, IReadOnlySet<string>? vocabulary = null)
{
    /// <summary>Shortest shared beginning that makes two words one concept: long enough that "office" stays apart from "official"'s cousins.</summary>
    private const int MinSharedPrefix = 6;

    public AliasTable Aliases { get; } = aliases;

    /// <summary>The same analyzer, reading unknown words as the nearest stem of <paramref name="corpusStems"/>.</summary>
    public ConceptAnalyzer WithVocabulary(IReadOnlySet<string> corpusStems) => new(Aliases, corpusStems);

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
                concepts.Add(new Concept(Known(word.Stem), word.Text, word.Index, IsName(text, words, i)));
            }

            i++;
        }

        return concepts;
    }

    private string Known(string stem)
    {
        if (vocabulary is null || stem.Length < MinSharedPrefix || vocabulary.Contains(stem))
        {
            return stem;
        }

        var prefix = stem[..MinSharedPrefix];
        return vocabulary.Where(v => v.StartsWith(prefix, StringComparison.Ordinal))
            .OrderByDescending(v => SharedPrefix(v, stem))
            .ThenBy(v => v, StringComparer.Ordinal)
            .FirstOrDefault() ?? stem;
    }

    private static int SharedPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
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
