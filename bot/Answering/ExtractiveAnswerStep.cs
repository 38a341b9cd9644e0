using Microsoft.Extensions.Options;
using SummitBot.Hosting;

namespace SummitBot.Answering;

/// <summary>
/// The answer step with no chat model: it answers in the articles' own sentences, so every claim is
/// traceable to the article it cites, and says plainly when the articles do not cover the question.
/// </summary>
public sealed class ExtractiveAnswerStep(KnowledgeBase knowledge, IOptions<AnswerOptions> options) : IAnswerStep
{
    private readonly AnswerOptions settings = options.Value;

    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        var (asked, instead) = await AskedQuestion.ReadAsync(question, history, settings, knowledge, cancellationToken).ConfigureAwait(false);
        return asked is null ? instead! : AnswerFrom(asked);
    }

    /// <summary>The answer to a question already read; the chat step falls back on it.</summary>
    internal Answer AnswerFrom(AskedQuestion asked)
    {
        var engine = asked.Engine;
        var candidates = CandidateSentence.From(asked.Hits, engine.Analyzer);
        var scorer = new SentenceScorer(engine.Analyzer, engine.Weights, asked.Text, asked.Topic, asked.Context, asked.Kind, asked.KindNouns);
        var composer = new AnswerComposer(settings, engine.Corpus, text => asked.Excerpt(text, settings.ExcerptLength));
        var answer = asked.IsComparison ? composer.CompareArticles(candidates, scorer) : composer.Compose(candidates, scorer);
        return answer ?? Answer.NotCovered(settings.NotCoveredText);
    }
}
