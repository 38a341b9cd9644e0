using System.Text.RegularExpressions;
using SummitBot.Hosting;
using SummitBot.Retrieval;
using SummitBot.Retrieval.Passages;
using SummitBot.Retrieval.Text;

namespace SummitBot.Answering.Model;

/// <summary>
/// Whether the passages a sentence of the model's reply cites state it, read through the analysis chain the
/// retriever uses: every number, date, name and content word of the sentence must be in one sentence of a
/// cited passage, as itself or as a word WordNet relates closely to it ("discussed" for "talks"), and a
/// negation must be matched by one there. A sentence citing several passages is checked clause by clause, each clause against
/// one passage, so "X [1] while Y [2]" keeps both sides but a clause joining facts from two passages does not
/// pass. Word-level, not a reading of the sentence: it cannot see two names swapped within a passage that
/// holds both. One instance checks one reply.
/// </summary>
internal sealed partial class GroundingCheck(ConceptAnalyzer analyzer)
{
    private static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "no", "never", "neither", "nor", "none", "nothing", "without", "cannot", "n't", "didn't", "doesn't", "don't",
        "isn't", "aren't", "wasn't", "weren't", "won't", "hasn't", "haven't", "hadn't",
    };

    /// <summary>Words about the sources themselves ("one article says"), which no passage needs to hold (Data/attribution-words.txt).</summary>
    private static readonly HashSet<string> AttributionWords = [.. EmbeddedText.Read("SummitBot.Answering.Model.attribution-words.txt")
        .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith('#'))];

    /// <summary>Each passage read once per answer: the reply's sentences cite the same few passages again and again.</summary>
    private readonly Dictionary<string, IReadOnlyList<Statement>> read = new(StringComparer.Ordinal);

    public bool Supports(string sentence, IReadOnlyList<string> citedPassages)
    {
        ArgumentNullException.ThrowIfNull(citedPassages);
        if (citedPassages.Count == 0)
        {
            return false;
        }

        // A claim is stated by one sentence of a passage, not pieced together from several: "Lee met Trump at the
        // prime minister's residence" finds each word in a passage that names Trump in one sentence and the
        // residence in the next.
        var statements = citedPassages.SelectMany(StatementsOf).ToList();
        var clauses = citedPassages.Count == 1 ? [sentence] : ClauseBreak().Split(sentence);
        return clauses.All(clause =>
        {
            var claimed = analyzer.Expand(analyzer.Analyze(clause))
                .Where(c => !AttributionWords.Contains(c.Surface.ToLowerInvariant()))
                .Select(c => new Claimed(c, new Lazy<IReadOnlySet<int>>(() => analyzer.KindsNamed(c.Surface))))
                .ToList();
            var negated = IsNegated(clause);
            return statements.Any(s => (!negated || s.Negated) && claimed.All(c => Stated(c, s)));
        });
    }

    private IReadOnlyList<Statement> StatementsOf(string passage)
    {
        if (!read.TryGetValue(passage, out var statements))
        {
            var whole = analyzer.Analyze(passage);
            read[passage] = statements = [.. SentenceSplitter.Split(passage).Select(range => new Statement(analyzer.Analyze(passage[range]), whole, IsNegated(passage[range])))];
        }

        return statements;
    }

    /// <summary>
    /// A name or number as itself (an alias is itself); any other word as itself or a close relation; or a word
    /// for a kind of thing that the passage names one of ("the two countries" of "South Korea and Japan",
    /// "leaders" of a president): such a word refers to what the passage is about, as "they" there does, so it
    /// is looked for in the whole passage, not only the sentence.
    /// </summary>
    private bool Stated(Claimed claimed, Statement statement) =>
        claimed.Concept.IsName || claimed.Concept.Surface.Any(char.IsDigit)
            ? claimed.Concept.BestIn(statement.Keys) >= Scoring.SynonymStrength
            : claimed.Concept.BestIn(statement.Keys) >= Scoring.GroundingRelation
              || (claimed.Kinds.Value.Count > 0 && statement.Passage.Any(c => analyzer.IsKindOf(c, claimed.Kinds.Value)));

    /// <summary>A concept of the checked sentence, and the kinds of thing it names (WordNet senses), looked up once if needed.</summary>
    private sealed record Claimed(Concept Concept, Lazy<IReadOnlySet<int>> Kinds);

    /// <summary>One sentence of a cited passage, read, and the concepts of its whole passage.</summary>
    private sealed record Statement(IReadOnlyList<Concept> Concepts, IReadOnlyList<Concept> Passage, bool Negated)
    {
        public IReadOnlySet<string> Keys { get; } = Concepts.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsNegated(string text) =>
        Word().Matches(text).Any(w => Negations.Contains(w.Value.Replace('’', '\'')));

    /// <summary>Where a sentence joins two statements: a semicolon, or a comma before a conjunction.</summary>
    [GeneratedRegex(@";|,\s+(?:while|whereas|but|and|although|though)\s+|\s+(?:while|whereas|but)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"[\p{L}'’]+")]
    private static partial Regex Word();
}
