namespace SummitBot.Retrieval.Lexicon;

/// <summary>
/// Which of the corpus's concepts a word the articles may not use stands for, and how closely: "talks" for
/// "discussed", "city" for "Tokyo", "technology" for "artificial intelligence", "led" for "president".
/// Built once per corpus by walking WordNet outwards from every word the articles use, so that asking is a
/// lookup.
/// </summary>
public sealed class Thesaurus
{
    /// <summary>Per lemma, the concepts it stands for: arrays, not dictionaries, for the 20,000-odd lemmas kept in memory.</summary>
    private readonly Dictionary<string, (string Key, double Strength)[]> byLemma;

    private Thesaurus(Dictionary<string, (string Key, double Strength)[]> byLemma) => this.byLemma = byLemma;

    /// <summary>No lexicon: words match only themselves and their aliases.</summary>
    public static Thesaurus None { get; } = new([]);

    /// <param name="corpusLemmas">Every lemma the corpus's words may be, with the concept key of the word.</param>
    public static Thesaurus Build(WordNet wordNet, IEnumerable<(string Lemma, string Key)> corpusLemmas)
    {
        ArgumentNullException.ThrowIfNull(wordNet);
        ArgumentNullException.ThrowIfNull(corpusLemmas);
        var byLemma = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        // A lemma is walked once, however many concepts it may be ("talks" is a word and in an alias group).
        foreach (var lemma in corpusLemmas.GroupBy(l => l.Lemma, l => l.Key, StringComparer.Ordinal))
        {
            var conceptKeys = lemma.Distinct(StringComparer.Ordinal).ToList();
            foreach (var (reached, strength) in Walk(wordNet, lemma.Key))
            {
                if (!byLemma.TryGetValue(reached, out var keys))
                {
                    byLemma[reached] = keys = new(StringComparer.Ordinal);
                }

                foreach (var key in conceptKeys)
                {
                    keys[key] = Math.Max(keys.GetValueOrDefault(key), strength);
                }
            }
        }

        return new Thesaurus(byLemma.ToDictionary(l => l.Key, l => l.Value.Select(k => (k.Key, k.Value)).ToArray(), StringComparer.Ordinal));
    }

    /// <summary>True when some corpus concept is related to <paramref name="lemma"/>.</summary>
    public bool Knows(string lemma) => byLemma.ContainsKey(lemma);

    /// <summary>One "lemma key strength key strength …" a line: keys and lemmas hold no spaces.</summary>
    public void Write(string path) =>
        File.WriteAllLines(path, byLemma.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l =>
            string.Join(' ', l.Value.OrderBy(k => k.Key, StringComparer.Ordinal)
                .SelectMany(k => new[] { k.Key, k.Strength.ToString("R", System.Globalization.CultureInfo.InvariantCulture) })
                .Prepend(l.Key))));

    public static Thesaurus Read(string path)
    {
        var byLemma = new Dictionary<string, (string Key, double Strength)[]>(StringComparer.Ordinal);
        var keyNames = new HashSet<string>(StringComparer.Ordinal);   // a few hundred concepts recur across 20,000 lines: one string each
        foreach (var fields in File.ReadLines(path).Select(line => line.Split(' ')))
        {
            var keys = new (string, double)[(fields.Length - 1) / 2];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = (Intern(fields[1 + (2 * i)]), double.Parse(fields[2 + (2 * i)], System.Globalization.CultureInfo.InvariantCulture));
            }

            byLemma[fields[0]] = keys;
        }

        return new Thesaurus(byLemma);

        string Intern(string key)
        {
            if (keyNames.TryGetValue(key, out var known))
            {
                return known;
            }

            keyNames.Add(key);
            return key;
        }
    }

    /// <summary>The corpus concepts any of <paramref name="lemmas"/> stands for, with the strongest strength of each.</summary>
    public Dictionary<string, double> Related(IEnumerable<string> lemmas)
    {
        ArgumentNullException.ThrowIfNull(lemmas);
        var related = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var lemma in lemmas)
        {
            if (byLemma.TryGetValue(lemma, out var keys))
            {
                foreach (var (key, strength) in keys)
                {
                    related[key] = Math.Max(related.GetValueOrDefault(key), strength);
                }
            }
        }

        return related;
    }

    /// <summary>
    /// The lemmas near <paramref name="lemma"/>: its synonyms, then up to two steps through broader senses and
    /// derived forms, and one step to narrower senses. Asking words are mostly broader than the articles'
    /// ("technology" for "artificial intelligence"); walking narrower twice would reach thousands of words.
    /// </summary>
    private static Dictionary<string, double> Walk(WordNet wordNet, string lemma)
    {
        var best = new Dictionary<int, double>();
        var queue = new Queue<(int Synset, int Steps, double Strength)>();
        foreach (var start in FrequentSenses(wordNet, lemma))
        {
            best[start] = 1;
            queue.Enqueue((start, 0, 1));
        }

        while (queue.Count > 0)
        {
            var (synset, steps, strength) = queue.Dequeue();
            if (steps == Scoring.ThesaurusSteps || strength < best[synset])
            {
                continue;
            }

            foreach (var pointer in wordNet[synset].Pointers)
            {
                var step = pointer.Kind switch
                {
                    PointerKind.Broader => Scoring.HierarchyStep,
                    PointerKind.Narrower when steps == 0 => Scoring.HierarchyStep,
                    PointerKind.Cousin => Scoring.CousinStep,
                    _ => 0,
                };
                var next = strength * step;
                if (next * Scoring.SynonymStrength >= Scoring.MinRelationStrength && next > best.GetValueOrDefault(pointer.Target))
                {
                    best[pointer.Target] = next;
                    queue.Enqueue((pointer.Target, steps + 1, next));
                }
            }
        }

        var reached = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (synset, strength) in best)
        {
            foreach (var word in wordNet[synset].Words)
            {
                if (word != lemma)
                {
                    reached[word] = Math.Max(reached.GetValueOrDefault(word), strength * Scoring.SynonymStrength);
                }
            }
        }

        return reached;
    }

    private static IEnumerable<int> FrequentSenses(WordNet wordNet, string lemma) =>
        wordNet.SensesByPart(lemma).SelectMany(senses => senses.Take(Scoring.SensesWalked));
}
