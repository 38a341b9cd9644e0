using SummitBot.Retrieval.Analysis;
using SummitBot.Retrieval.Lexicon;

namespace SummitBot.Retrieval.Text;

/// <summary>Reads the concepts of a question or a sentence: aliases and WordNet's set phrases resolved, stop words dropped.</summary>
/// <param name="vocabulary">Stems the corpus uses; a question's word outside it is read as the corpus word it
/// shares a long beginning with ("colony" as "colonial", "presidency" as "president"). Null: no mapping.</param>
/// <param name="wordNet">The lexicon for set phrases ("call off") and lemmas; null: words only.</param>
/// <param name="thesaurus">What <see cref="Expand"/> relates a question's words to; null: nothing.</param>
/// <param name="reader">How text is read into words, as the index reads it; null: <see cref="WordReader.Plain"/>.</param>
public sealed class ConceptAnalyzer(
    AliasTable aliases, IReadOnlySet<string>? vocabulary = null, ILexicon? wordNet = null, Thesaurus? thesaurus = null, WordReader? reader = null)
{
    /// <summary>Key prefix of a set phrase WordNet knows and no alias names: "wn:call_off".</summary>
    internal const string PhrasePrefix = "wn:";

    private static readonly HashSet<string> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
        "fifty", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions", "dozen", "dozens",
    };

    /// <summary>Longest set phrase looked for, in words ("head of state").</summary>
    private const int MaxPhraseWords = 3;

    public AliasTable Aliases { get; } = aliases;

    public WordReader Words { get; } = reader ?? WordReader.Plain;

    private readonly AliasMatcher matcher = new(aliases, reader ?? WordReader.Plain);

    /// <summary>The same analyzer, reading unknown words as the nearest stem of <paramref name="corpusStems"/>.</summary>
    public ConceptAnalyzer WithVocabulary(IReadOnlySet<string> corpusStems) => new(Aliases, corpusStems, wordNet, thesaurus, Words);

    /// <summary>The same analyzer, relating a question's words to the corpus through <paramref name="corpusThesaurus"/>.</summary>
    public ConceptAnalyzer WithThesaurus(Thesaurus corpusThesaurus) => new(Aliases, vocabulary, wordNet, corpusThesaurus, Words);

    /// <summary>
    /// The question's concepts with the corpus concepts each stands for ("talks" for "discussed"), so a question
    /// in other words than the articles' still finds them. A concept is not related to itself.
    /// </summary>
    public IReadOnlyList<Concept> Expand(IReadOnlyList<Concept> concepts)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        if (thesaurus is null)
        {
            return concepts;
        }

        // An alias group is already a curated set of names; its names' other senses ("forces" as "push") are
        // noise, but words derived from them ("presidential" of "president") are not.
        return [.. concepts.Select(c =>
        {
            var names = AliasStems(c.Key);
            var related = names is null ? thesaurus.Related(Lemmas(c)) : [];
            foreach (var derived in DerivedForms(names is null ? [c.Key] : names.SelectMany(stems => stems)))
            {
                related[derived] = Math.Max(related.GetValueOrDefault(derived), Scoring.DerivedFormStrength);
            }

            related.Remove(c.Key);
            return c with { Related = related };
        })];
    }

    /// <summary>The names of the alias group with <paramref name="key"/>, each as its words' stems; null when the key is not an alias group's.</summary>
    public IReadOnlyList<string[]>? AliasStems(string key) => matcher.StemsOf(key);

    /// <summary>
    /// The corpus stems that extend one of <paramref name="stems"/>: "presidenti" (presidential) of "presid"
    /// (president), which the stemmer leaves apart. Short stems extend too many unrelated words and are skipped.
    /// </summary>
    private IEnumerable<string> DerivedForms(IEnumerable<string> stems) =>
        vocabulary is null ? [] : stems.Where(s => s.Length >= Scoring.MinSharedPrefix)
            .SelectMany(s => vocabulary.Where(v => v.Length > s.Length && v.StartsWith(s, StringComparison.Ordinal) && !v.Contains(':', StringComparison.Ordinal)));

    /// <summary>
    /// The kinds of thing a noun as written names ("city", "countries"): WordNet senses of its base forms,
    /// empty when it names none or there is no WordNet.
    /// </summary>
    public IReadOnlySet<int> KindsNamed(string noun) =>
        wordNet is null ? new HashSet<int>() : BaseForms.OfNoun(noun, wordNet).SelectMany(wordNet.KindsNamed).ToHashSet();

    /// <summary>
    /// True when the concept, as written, names a thing of one of <paramref name="kinds"/>: "Russia" for "which
    /// country". As written: "South Korea" is a country, though its alias group also names Seoul, a city.
    /// </summary>
    public bool IsKindOf(Concept concept, IReadOnlySet<int> kinds) =>
        wordNet is not null && kinds.Count > 0 && concept is not null && WrittenLemmas(concept, wordNet).Any(lemma => wordNet.IsKindOf(lemma, kinds));

    /// <summary>The lemmas of the concept as written, which <see cref="IsKindOf"/> asks about: kept beside the index for every concept of the corpus.</summary>
    internal IEnumerable<string> KindLemmas(Concept concept) => wordNet is null ? [] : WrittenLemmas(concept, wordNet);

    /// <summary>The WordNet lemmas a concept may be: every name of its alias group, its set phrase, or its word's base forms.</summary>
    public IEnumerable<string> Lemmas(Concept concept)
    {
        ArgumentNullException.ThrowIfNull(concept);
        // Numbers relate to every other number through WordNet's "digit", which says nothing about a question.
        if (wordNet is null || concept.Surface.Any(char.IsDigit) || Numbers.Contains(concept.Surface))
        {
            return [];
        }

        return Aliases.NamesOf(concept.Key) is { } names
            ? names.SelectMany(n => BaseForms.Of(n, wordNet)).Distinct(StringComparer.Ordinal)
            : WrittenLemmas(concept, wordNet);
    }

    /// <summary>The lemmas of the concept as written: its set phrase, or its words' base forms.</summary>
    private static IEnumerable<string> WrittenLemmas(Concept concept, ILexicon lexicon) =>
        concept.Key.StartsWith(PhrasePrefix, StringComparison.Ordinal) ? [concept.Key[PhrasePrefix.Length..]] : BaseForms.Of(concept.Surface, lexicon);

    public IReadOnlyList<Concept> Analyze(string text)
    {
        var words = Words.Of(text);
        var concepts = new List<Concept>();
        for (var i = 0; i < words.Count;)
        {
            var word = words[i];
            if (matcher.Match(words, i) is { } alias)
            {
                var surface = string.Join(' ', words.Skip(i).Take(alias.Length).Select(w => w.Text));
                concepts.Add(new Concept(alias.Key, surface, word.Index, IsName(text, words, i)));
                i += alias.Length;
                continue;
            }

            if (Phrase(words, i) is { } phrase)
            {
                var surface = string.Join(' ', words.Skip(i).Take(phrase.Length).Select(w => w.Text));
                concepts.Add(new Concept(PhrasePrefix + phrase.Lemma, surface, word.Index, IsName(text, words, i)));
                i += phrase.Length;
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

    /// <summary>
    /// A set phrase of WordNet's that starts at word <paramref name="at"/>, longest first: "called off" as call_off,
    /// so that it is not read as "call". A phrase must start with a word that carries a topic.
    /// </summary>
    private (string Lemma, int Length)? Phrase(IReadOnlyList<Word> words, int at)
    {
        if (wordNet is null || StopWords.Contains(words[at].Text))
        {
            return null;
        }

        for (var length = Math.Min(MaxPhraseWords, words.Count - at); length >= 2; length--)
        {
            var rest = string.Concat(words.Skip(at + 1).Take(length - 1).Select(w => "_" + w.Text.ToLowerInvariant()));
            foreach (var first in BaseForms.Candidates(words[at].Text, wordNet))
            {
                if (wordNet.Contains(first + rest))
                {
                    return (first + rest, length);
                }
            }
        }

        return null;
    }

    private string Known(string stem)
    {
        if (vocabulary is null || stem.Length < Scoring.MinSharedPrefix || vocabulary.Contains(stem))
        {
            return stem;
        }

        var prefix = stem[..Scoring.MinSharedPrefix];
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
