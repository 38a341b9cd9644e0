using SummitBot.Retrieval;
using SummitBot.Retrieval.Text;

namespace SummitBot.Answering;

/// <summary>
/// Scores how well a sentence answers a question: the weighted share of the question's concepts it contains
/// (coverage), a little for the conversation's concepts on a follow-up, a little for holding the kind of
/// thing asked for (a date for "when"), a little for the retriever's rank.
/// </summary>
internal sealed class SentenceScorer
{
    private readonly ConceptWeights weights;
    private readonly List<(Concept Concept, double Weight)> asked;
    private readonly Dictionary<string, double> context;
    private readonly HashSet<string> names;

    /// <summary>The concept the question hinges on, when one outweighs the rest; null when none does.</summary>
    private readonly Concept? focus;
    private readonly QuestionKind kind;

    private readonly ConceptAnalyzer analyzer;
    private readonly HashSet<string> questionKeys;

    /// <summary>The kinds a "which city" question names (WordNet senses), when it names any and asks for no date or number.</summary>
    private readonly IReadOnlySet<int> askedKinds;

    /// <summary>Candidates are records compared by value; the same object is the same sentence, and cheaper to find.</summary>
    private readonly Dictionary<CandidateSentence, double> kindFits = new(ReferenceEqualityComparer.Instance);

    /// <param name="question">The question as asked: what it already says is no answer to it.</param>
    /// <param name="kindNouns">The nouns the question names as the kind of its answer ("city"), as read once with it.</param>
    public SentenceScorer(
        ConceptAnalyzer analyzer, ConceptWeights weights, string question, IReadOnlyList<Concept> asked, IReadOnlyList<Concept> context, QuestionKind kind,
        IReadOnlyList<string> kindNouns)
    {
        this.analyzer = analyzer;
        questionKeys = [.. analyzer.Analyze(question).Select(c => c.Key), .. context.Select(c => c.Key)];
        this.weights = weights;
        this.asked = [.. asked.DistinctBy(c => c.Key).Select(c => (c, weights.Of(c.Key)))];
        this.context = Weigh(context);
        names = asked.Where(c => c.IsName).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var total = this.asked.Sum(a => a.Weight);
        var heaviest = this.asked.OrderByDescending(a => a.Weight).FirstOrDefault();
        // A follow-up's own words are only part of what it asks ("How did they react to it?"): no focus there.
        focus = context.Count == 0 && this.asked.Count > 1 && heaviest.Weight >= Scoring.FocusShare * total ? heaviest.Concept : null;
        this.kind = kind;
        askedKinds = kind is QuestionKind.Other or QuestionKind.Where or QuestionKind.Who ? QuestionKinds.AskedKinds(kindNouns, analyzer) : new HashSet<int>();
    }

    public double AskedWeight => asked.Sum(a => a.Weight);

    /// <summary>
    /// The question's concepts that <paramref name="concepts"/> holds, weighed, as a share of all of them; a
    /// concept held only through a related word ("discussed" for "talks") counts by how close the relation is.
    /// </summary>
    public double Coverage(IEnumerable<string> concepts)
    {
        var present = concepts.ToHashSet(StringComparer.Ordinal);
        return AskedWeight == 0 ? 0 : asked.Sum(a => a.Weight * a.Concept.BestIn(present)) / AskedWeight;
    }

    /// <summary>
    /// Coverage of a sentence read in its passage: a concept only in the sentences around it counts half, since
    /// "Together they host 80,000 troops" is about the Japan and South Korea of the sentence before.
    /// </summary>
    public double Coverage(CandidateSentence sentence) =>
        AskedWeight == 0 ? 0
        : asked.Sum(a => a.Weight * Math.Max(a.Concept.BestIn(sentence.Concepts), Scoring.NearbyShare * a.Concept.BestIn(sentence.ContextConcepts))) / AskedWeight;

    /// <summary>
    /// How far two sentences say the same thing: their shared concepts, weighed, over the lighter sentence's.
    /// Weighing keeps "Lee", "Ishiba" and "Japan", which every sentence shares, from making any two alike.
    /// </summary>
    public double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        var shared = a.Where(b.Contains).Sum(weights.Of);
        var lighter = Math.Min(a.Sum(weights.Of), b.Sum(weights.Of));
        return lighter == 0 ? 0 : shared / lighter;
    }

    /// <summary>True when the question asks for a kind of thing (a date, a place, a number) and the sentence has one, new, near its topic.</summary>
    public bool HasAskedKind(CandidateSentence sentence) => (kind != QuestionKind.Other || askedKinds.Count > 0) && KindFit(sentence) >= 0.5;

    /// <summary>
    /// Whether a sentence answers enough of the question to be offered: its coverage, plus credit for holding
    /// the kind of thing asked for right beside the question's words ("in Tokyo" for "which city").
    /// </summary>
    public double Support(CandidateSentence sentence) => Coverage(sentence) + (Scoring.KindWeight * KindFit(sentence));

    public double Score(CandidateSentence sentence)
    {
        var contextShare = context.Count == 0 ? 0
            : sentence.ContextConcepts.Sum(c => context.GetValueOrDefault(c)) / context.Values.Sum();
        return Coverage(sentence)
            + (Scoring.ContextWeight * contextShare)
            + (Scoring.KindWeight * KindFit(sentence))
            + (Scoring.RankWeight / (1 + sentence.Rank));
    }

    /// <summary>
    /// 1 when the kind of thing asked for stands close to what the question asks about ("since taking office in
    /// June"), less the further away it is ("since taking office, … at the G7 summit in June"). Ranking, support
    /// and the kind test all ask it of every candidate, so each sentence's fit is worked out once.
    /// </summary>
    private double KindFit(CandidateSentence sentence)
    {
        if (!kindFits.TryGetValue(sentence, out var fit))
        {
            kindFits[sentence] = fit = MeasureKindFit(sentence);
        }

        return fit;
    }

    private double MeasureKindFit(CandidateSentence sentence)
    {
        // Only what the question does not already say can answer it: "Tokyo" answers "which city", not "the Tokyo
        // talks"; and "President Lee Jae Myung" does not answer "Whom did Lee succeed as president?".
        // A "which country" question is answered by a country; the regular kinds by their patterns.
        var answers = askedKinds.Count > 0
            ? [.. sentence.Terms.Where(t => !questionKeys.Contains(t.Key) && analyzer.IsKindOf(t, askedKinds)).Select(t => t.Index)]
            : QuestionKinds.Matches(kind, sentence.Text)
                .Where(m => analyzer.Analyze(m.Text).Any(c => !questionKeys.Contains(c.Key)))
                .Select(m => m.Index)
                .ToList();
        if (answers.Count == 0)
        {
            return 0;
        }

        var topics = asked.SelectMany(a => a.Concept.Related.Keys.Prepend(a.Concept.Key)).SelectMany(k => sentence.Positions[k]).ToList();
        if (topics.Count == 0)
        {
            return 0.25;
        }

        var distance = answers.Min(a => topics.Min(t => Math.Abs(a - t)));
        return distance <= Scoring.CloseChars ? 1 : distance <= 2 * Scoring.CloseChars ? 0.5 : 0.25;
    }

    /// <summary>
    /// A sentence may answer only if the names the question is about (people, places, numbers) appear in it or
    /// around it: "Why did Ishiba visit Seoul?" is not answered by a sentence about Lee visiting Tokyo. Nor if
    /// the concept the question hinges on, or a word related to it, is nowhere near.
    /// </summary>
    public bool Admits(CandidateSentence sentence) => HoldsNames(sentence) && (focus is null || focus.BestIn(sentence.ContextConcepts) > 0);

    /// <summary>
    /// A sentence that holds the question's names and the very kind of thing it asks for ("Tokyo" for "Which city
    /// hosted the summit?"), though not the word the question hinges on: the articles may say it in other words
    /// than the question's ("met in Tokyo"), and the only sentences with "host" may use it in another sense
    /// ("host 80,000 troops"), which then answer nothing.
    /// </summary>
    public bool AnswersAskedKind(CandidateSentence sentence) => askedKinds.Count > 0 && HoldsNames(sentence) && HasAskedKind(sentence);

    /// <summary>
    /// Two sentences that tell one thing differently, for a question asking when or how many: one tells the
    /// event as still to come and the other as past ("will meet on August 23–24" beside "flew into Tokyo on
    /// Saturday"), or they give different figures ("90,000" beside "80,000").
    /// </summary>
    public bool TellDifferently(CandidateSentence a, CandidateSentence b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return kind switch
        {
            QuestionKind.When or QuestionKind.Weekday or QuestionKind.Month or QuestionKind.Year =>
                HasAskedKind(a) && HasAskedKind(b) && IsUpcoming(a) != IsUpcoming(b),
            QuestionKind.Quantity or QuestionKind.Money =>
                Figures(a) is { Count: > 0 } mine && Figures(b) is { Count: > 0 } theirs && !mine.Overlaps(theirs),
            _ => false,
        };
    }

    /// <summary>The sentence tells what the question asks about as still to come ("will meet" for "When did they meet?").</summary>
    private bool IsUpcoming(CandidateSentence sentence) =>
        Tense.IsUpcoming(sentence.Text, asked.SelectMany(a => a.Concept.Related.Keys.Prepend(a.Concept.Key)).SelectMany(k => sentence.Positions[k]));

    /// <summary>The figures of the asked kind a sentence gives, written plainly ("80000").</summary>
    private HashSet<string> Figures(CandidateSentence sentence) =>
        QuestionKinds.Matches(kind, sentence.Text).Select(m => string.Concat(m.Text.Where(char.IsLetterOrDigit))).ToHashSet(StringComparer.Ordinal);

    private bool HoldsNames(CandidateSentence sentence) => names.All(sentence.ContextConcepts.Contains);

    private Dictionary<string, double> Weigh(IEnumerable<Concept> concepts) =>
        concepts.DistinctBy(c => c.Key).ToDictionary(c => c.Key, c => weights.Of(c.Key), StringComparer.Ordinal);
}
