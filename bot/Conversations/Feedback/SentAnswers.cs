using SummitBot.Conversations.Replies;
using SummitBot.Hosting;

namespace SummitBot.Conversations.Feedback;

/// <summary>
/// Keeps each answer the bot sent under the channel's id for it, once that id is known, so feedback on the answer can
/// be read with its question, text and citations. A failure here costs that link only: it is logged, never thrown
/// into the reply that was sent.
/// </summary>
public sealed class SentAnswers(IFeedbackStore store, TimeProvider time, ILogger<SentAnswers> logger)
{
    public async Task RecordAsync(AnswerReply reply, ConversationKey conversation, string? messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (string.IsNullOrEmpty(messageId))
        {
            return;
        }

        try
        {
            await store.RecordAnswerAsync(reply.Sent(conversation, messageId, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not keep the answer sent in {Conversation}; feedback on it will not show what it rated", LogValue.Shorten(conversation));
        }
    }
}
