using Microsoft.Extensions.Options;
using SummitBot.Hosting;
using SummitBot.Retrieval.Text;

namespace SummitBot.Answering;

/// <summary>
/// The answer step with no chat model: it answers in the articles' own sentences, so every claim is
/// traceable to the article it cites, and says plainly when the articles do not cover the question.
/// </summary>
public sealed class ExtractiveAnswerStep(KnowledgeBase knowledge, IOptions<AnswerOptions> options) : IAnswerStep
{
    public const string NotCoveredText =
        "The articles don't cover that. I can answer questions about the 23 August 2025 Tokyo summit between " +
        "South Korean President Lee Jae Myung and Japanese Prime Minister Shigeru Ishiba.";

    private readonly AnswerOptions settings = options.Value;

    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        question = question?.Trim() ?? "";
        if (question.Length == 0)
        {
            return Answer.NotCovered("Please ask a question about the Lee–Ishiba summit in Tokyo.");
        }

        if (question.Length > settings.MaxQuestionLength)
        {
            return Answer.NotCovered($"That message is too long for me to read ({question.Length:N0} characters). Please ask in under {settings.MaxQuestionLength:N0} characters.");
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
        if (topic.Count == 0)
        {
            return Answer.NotCovered(NotCoveredText);
        }

        // The question as asked (its "when" or "how many" matters to ranking) plus what a follow-up leans on.
        var query = string.Join(' ', leanedOn.Select(c => c.Surface).Prepend(question));
        var hits = await engine.Retriever.SearchAsync(query, settings.TopK, cancellationToken).ConfigureAwait(false);
        var candidates = CandidateSentence.From(hits, engine.Analyzer);
        var scorer = new SentenceScorer(engine.Analyzer, engine.Weights, question, topic, context, QuestionKinds.Of(question));
        var composer = new AnswerComposer(settings, engine.Corpus);
        var answer = comparison ? composer.CompareArticles(candidates, scorer) : composer.Compose(candidates, scorer);
        return answer ?? Answer.NotCovered(NotCoveredText);
    }
}
