using System.Globalization;
using SummitBot.Retrieval.Analysis;

namespace SummitBot.Retrieval.Lexicon;

/// <summary>
/// The part of WordNet one corpus needs, distilled when its index is built and kept in the index's folder,
/// so that starting the bot reads a few small files instead of the 30 MB database: the set phrases, the
/// irregular forms, the kinds each noun names (only kinds some corpus word belongs to), the kinds each
/// corpus word belongs to, and the thesaurus from question words to corpus concepts.
/// </summary>
public sealed class StoredLexicon : ILexicon
{
    private const string PhrasesFile = "phrases.txt";

    /// <summary>Longest set phrase a question is read for, in words (<see cref="Text.ConceptAnalyzer"/>'s limit).</summary>
    private const int MaxPhraseWords = 3;
    private const string IrregularFile = "irregular.txt";
    private const string KindsFile = "kinds.txt";
    private const string AncestorsFile = "ancestors.txt";
    private const string ThesaurusFile = "thesaurus.txt";

    private static readonly IReadOnlySet<int> NoKinds = new HashSet<int>();

    /// <summary>
    /// WordNet's set phrases ("call_off"). A single-word lemma matters only if the thesaurus, the kinds or the
    /// ancestors name it, so those are the only ones kept: a fifth of WordNet's lemmas, not all of them.
    /// </summary>
    private readonly HashSet<string> phrases;
    private readonly Dictionary<string, HashSet<int>> kinds;
    private readonly Dictionary<string, HashSet<int>> ancestors;

    private StoredLexicon(
        HashSet<string> phrases, IrregularForms irregular, Dictionary<string, HashSet<int>> kinds, Dictionary<string, HashSet<int>> ancestors, Thesaurus thesaurus)
    {
        this.phrases = phrases;
        Irregular = irregular;
        this.kinds = kinds;
        this.ancestors = ancestors;
        Thesaurus = thesaurus;
    }

    /// <summary>No WordNet: words match only themselves and their aliases.</summary>
    public static StoredLexicon Empty { get; } = new([], IrregularForms.None, [], [], Thesaurus.None);

    public IrregularForms Irregular { get; }

    public Thesaurus Thesaurus { get; }

    /// <summary>False when it was distilled from no WordNet.</summary>
    public bool IsPresent => phrases.Count > 0;

    public bool Contains(string lemma) =>
        phrases.Contains(lemma) || Thesaurus.Knows(lemma) || kinds.ContainsKey(lemma) || ancestors.ContainsKey(lemma);

    public IReadOnlySet<int> KindsNamed(string lemma) => kinds.TryGetValue(lemma, out var named) ? named : NoKinds;

    public bool IsKindOf(string lemma, IReadOnlySet<int> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return kinds.Count > 0 && ancestors.TryGetValue(lemma, out var of) && of.Overlaps(kinds);
    }

    /// <param name="corpusKindLemmas">The lemmas of every concept of the corpus, whose kinds a question may ask for.</param>
    public static StoredLexicon Distil(WordNet wordNet, IEnumerable<string> corpusKindLemmas, Thesaurus thesaurus)
    {
        ArgumentNullException.ThrowIfNull(wordNet);
        ArgumentNullException.ThrowIfNull(corpusKindLemmas);
        var ancestors = corpusKindLemmas.Distinct(StringComparer.Ordinal)
            .Select(lemma => (Lemma: lemma, Of: wordNet.AncestorsOfLemma(lemma)))
            .Where(a => a.Of.Count > 0)
            .ToDictionary(a => a.Lemma, a => a.Of.ToHashSet(), StringComparer.Ordinal);
        var reachable = ancestors.Values.SelectMany(a => a).ToHashSet();

        // A noun whose kinds no corpus word belongs to names no kind the articles can answer.
        var kinds = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var lemma in wordNet.Lemmas)
        {
            var named = wordNet.KindsNamed(lemma).Where(reachable.Contains).ToHashSet();
            if (named.Count > 0)
            {
                kinds[lemma] = named;
            }
        }

        var phrases = wordNet.Lemmas.Where(l => l.Contains('_', StringComparison.Ordinal) && l.Count(c => c == '_') < MaxPhraseWords).ToHashSet(StringComparer.Ordinal);
        return new StoredLexicon(phrases, wordNet.Irregular, kinds, ancestors, thesaurus);
    }

    public void Write(string folder)
    {
        File.WriteAllLines(Path.Combine(folder, PhrasesFile), phrases.Order(StringComparer.Ordinal));
        Irregular.Write(Path.Combine(folder, IrregularFile));
        WriteSets(Path.Combine(folder, KindsFile), kinds);
        WriteSets(Path.Combine(folder, AncestorsFile), ancestors);
        Thesaurus.Write(Path.Combine(folder, ThesaurusFile));
    }

    /// <summary>The lexicon kept in <paramref name="folder"/>; <see cref="Empty"/> when none was.</summary>
    public static StoredLexicon Read(string folder)
    {
        if (!File.Exists(Path.Combine(folder, PhrasesFile)))
        {
            return Empty;
        }

        // The files are independent and their parsing is most of a cold `ask`'s own work: read them side by side.
        var thesaurus = Task.Run(() => Thesaurus.Read(Path.Combine(folder, ThesaurusFile)));
        var phrases = Task.Run(() => File.ReadLines(Path.Combine(folder, PhrasesFile)).ToHashSet(StringComparer.Ordinal));
        var irregular = IrregularForms.Read(Path.Combine(folder, IrregularFile));
        var kinds = ReadSets(Path.Combine(folder, KindsFile));
        var ancestors = ReadSets(Path.Combine(folder, AncestorsFile));
        return new StoredLexicon(phrases.GetAwaiter().GetResult(), irregular, kinds, ancestors, thesaurus.GetAwaiter().GetResult());
    }

    /// <summary>One "lemma id id …" a line.</summary>
    private static void WriteSets(string path, Dictionary<string, HashSet<int>> sets) =>
        File.WriteAllLines(path, sets.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => string.Join(' ', s.Value.Order().Select(id => id.ToString(CultureInfo.InvariantCulture)).Prepend(s.Key))));

    private static Dictionary<string, HashSet<int>> ReadSets(string path) =>
        File.ReadLines(path).Select(line => line.Split(' '))
            .ToDictionary(f => f[0], f => f.Skip(1).Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToHashSet(), StringComparer.Ordinal);
}
