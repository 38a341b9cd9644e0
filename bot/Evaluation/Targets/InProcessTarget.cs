using SummitBot.Answering;

namespace SummitBot.Evaluation.Targets;

/// <summary>Asks the answer step the bot itself uses, keeping each conversation's history as the bot does.</summary>
public sealed class InProcessTarget(IAnswerStep answerStep) : IEvalTarget
{
    public IEvalConversation StartConversation() => new Conversation(answerStep);

    private sealed class Conversation(IAnswerStep answerStep) : IEvalConversation
    {
        private readonly List<ConversationTurn> history = [];

        public async Task<BotReply> AskAsync(string question, CancellationToken cancellationToken)
        {
            var answer = await answerStep.AnswerAsync(question, [.. history], cancellationToken).ConfigureAwait(false);
            history.Add(new ConversationTurn(question, answer.Text));
            var cited = answer.Citations.Select(c => c.ArticleId).Distinct(StringComparer.Ordinal).ToList();
            return new BotReply([answer.Text], answer.Grounded, cited) { By = answer.By };
        }
    }
}
