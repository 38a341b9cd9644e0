using SummitBot.Hosting;
using SummitBot.Retrieval;
using SummitBot.Retrieval.Search;
using SummitBot.Retrieval.Text;

namespace SummitBot.Answering;

/// <summary>
/// A question read once, the same way for every answer step and for the search: checked, "the two leaders"
/// resolved, its concepts, what a follow-up leans on, the kind of answer it wants, whether it compares the
/// articles, and the passages retrieved for it.
/// </summary>
/// <param name="Topic">What the answer must cover.</param>
/// <param name="Context">What a follow-up leans on: it favours sentences about the conversation's subject.</param>
/// <param name="Kind">The kind of answer wanted: a date for "when", a number for "how many".</param>
/// <param name="KindNouns">The nouns naming the kind of thing asked for ("city" of "Which city…"), most likely first.</param>
internal sealed record AskedQuestion(
    string Text, IReadOnlyList<Concept> Topic, IReadOnlyList<Concept> Context, QuestionKind Kind, IReadOnlyList<string> KindNouns, bool IsComparison,
    IReadOnlyList<SearchHit> Hits, SearchEngine Engine)
{
    /// <summary>
    /// A concept the articles never use that nothing they use stands for: a name or number with nothing as close
    /// as a synonym ("Kim Jong Un", "in 2027"), or a set phrase with no related word at all ("climate change").
    /// A single common word with no relation is not enough: it is as often the question's framing ("briefly",
    /// a misspelling) as its subject, and a word with distant relations is asked of them ("scheduled" of
    /// "plans"). The noun naming the kind of answer ("which city") is what the answer holds, not what the
    /// articles must mention.
    /// </summary>
    private static bool IsUnmentioned(Concept concept, SearchEngine engine, IReadOnlyList<string> answerKindNouns) =>
        !engine.Weights.IsKnown(concept.Key)
        && (concept.IsName
            ? concept.Related.Values.DefaultIfEmpty().Max() < Scoring.SynonymStrength
            : concept.IsSetPhrase && concept.Related.Count == 0 && !answerKindNouns.Contains(concept.Surface, StringComparer.OrdinalIgnoreCase));

    /// <summary>A cited sentence cut to <paramref name="maxLength"/> around what this question asks.</summary>
    public string Excerpt(string text, int maxLength) =>
        ExcerptHighlighter.Excerpt(text, new PassageQuery(Topic), Engine.Analyzer, maxLength);

    /// <returns>The question read, or the answer to give instead when there is nothing to look up.</returns>
    public static async Task<(AskedQuestion? Question, Answer? Instead)> ReadAsync(
        string? question, IReadOnlyList<ConversationTurn> history, AnswerOptions settings, KnowledgeBase knowledge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        question = question?.Trim() ?? "";
        if (question.Length == 0)
        {
            return (null, Answer.NotCovered($"Please ask a question about {settings.Topic}."));
        }

        if (question.Length > settings.MaxQuestionLength)
        {
            return (null, Answer.NotCovered($"That message is too long for me to read ({question.Length:N0} characters). Please ask in under {settings.MaxQuestionLength:N0} characters."));
        }

        if (InstructionRequest.IsAsked(question))
        {
            return (null, Answer.NotCovered(InstructionRequest.ReplyTo(settings.Topic)));
        }

        if (history.Count == 0)
        {
            question = ReferringPhrases.Resolve(question, settings.Principals);
        }

        var engine = await knowledge.GetAsync(cancellationToken).ConfigureAwait(false);
        var asked = engine.Analyzer.Expand(engine.Analyzer.Analyze(question));
        var leanedOn = FollowUp.Context(question, asked, history, settings.FollowUpTurns, engine.Analyzer);

        // "And then?" carries no concept of its own: it asks about what the conversation was about.
        // A comparison ("Does every article treat that election as over?") is about its subject as a whole, so
        // what it leans on is part of what each article's account must cover.
        var comparison = ComparisonQuestion.IsAsked(question);
        var (topic, context) = asked.Count == 0 ? (leanedOn, [])
            : comparison ? ([.. asked, .. leanedOn], [])
            : (asked, leanedOn);
        // A name or number no article mentions, nor anything close to it ("Kim Jong Un", "Samsung", "in 2027",
        // "$5 billion"), or a word nothing in them relates to ("climate change"), is who or what the question is
        // about, or a premise the articles do not share: they cannot answer it, however much else they share with it.
        var kindNouns = QuestionKinds.AskedNouns(question);
        if (topic.Count == 0 || topic.Any(c => IsUnmentioned(c, engine, kindNouns)))
        {
            return (null, Answer.NotCovered(settings.NotCoveredText));
        }

        // The question's concepts plus what a follow-up leans on; its "when" or "how many" matters to ranking.
        var kind = QuestionKinds.Of(question);
        var query = new PassageQuery([.. asked, .. leanedOn], QuestionKinds.Favouring(kind));
        IReadOnlyList<Retrieval.Search.SearchHit> hits;
        using (var retrieving = Telemetry.BotTelemetry.Source.StartActivity("retrieve"))
        {
            hits = await engine.Retriever.SearchAsync(query, settings.TopK, cancellationToken).ConfigureAwait(false);
            retrieving?.SetTag("summitbot.hits", hits.Count);
        }

        return (new AskedQuestion(question, topic, context, kind, kindNouns, comparison, hits, engine), null);
    }
}
