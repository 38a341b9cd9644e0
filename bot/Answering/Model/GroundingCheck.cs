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
/// holds both.
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
        var statements = citedPassages.SelectMany(p =>
        {
            var whole = analyzer.Analyze(p);
            return SentenceSplitter.Split(p).Select(range => new Statement(analyzer.Analyze(p[range]), whole, IsNegated(p[range])));
        }).ToList();
        var clauses = citedPassages.Count == 1 ? [sentence] : ClauseBreak().Split(sentence);
        return clauses.All(clause =>
        {
            var claimed = analyzer.Expand(analyzer.Analyze(clause)).Where(c => !AttributionWords.Contains(c.Surface.ToLowerInvariant())).ToList();
            var negated = IsNegated(clause);
            return statements.Any(s => (!negated || s.Negated) && claimed.All(c => Stated(c, s)));
        });
    }

    /// <summary>
    /// A name or number as itself (an alias is itself); any other word as itself or a close relation; or a word
    /// for a kind of thing that the passage names one of ("the two countries" of "South Korea and Japan",
    /// "leaders" of a president): such a word refers to what the passage is about, as "they" there does, so it
    /// is looked for in the whole passage, not only the sentence.
    /// </summary>
    private bool Stated(Concept concept, Statement statement) =>
        concept.IsName || concept.Surface.Any(char.IsDigit)
            ? concept.BestIn(statement.Keys) >= Scoring.SynonymStrength
            : concept.BestIn(statement.Keys) >= Scoring.GroundingRelation || IsKindNamed(concept, statement);

    private bool IsKindNamed(Concept concept, Statement statement)
    {
        var kinds = analyzer.KindsNamed(concept.Surface);
        return kinds.Count > 0 && statement.Passage.Any(c => analyzer.IsKindOf(c, kinds));
    }

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
