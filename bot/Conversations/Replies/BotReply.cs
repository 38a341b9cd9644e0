using SummitBot.Answering;

namespace SummitBot.Conversations.Replies;

/// <summary>
/// What the turn handler says, in channel-neutral terms. The protocol layer turns each kind into the
/// channel's shape (an Activity for the Bot Framework), so the handler never knows JSON or HTTP.
/// </summary>
public abstract record BotReply;

/// <summary>"The bot is typing…" while an answer is being prepared.</summary>
public sealed record TypingReply : BotReply;

/// <summary>A plain markdown message: help, confirmations, apologies.</summary>
public sealed record TextReply(string Text) : BotReply;

/// <summary>A friendly message (a welcome, a greeting returned, help) with questions they can tap to ask.</summary>
public sealed record SuggestionsReply(string Text, IReadOnlyList<string> SuggestedQuestions) : BotReply;

/// <summary>
/// The answer as a chat model has written it so far, unchecked: shown in place of the typing indicator on channels
/// that stream (<see cref="ITurnReplies.ShowsDrafts"/>) and replaced by the reply that follows it.
/// </summary>
public sealed record DraftReply(string Text) : BotReply;

/// <summary>An answer from the answer step, with questions to ask next; each channel shows its citations its own way.</summary>
/// <param name="Question">What was asked: kept with the sent answer, so feedback on it says what it answered.</param>
public sealed record AnswerReply(Answer Answer, IReadOnlyList<string>? SuggestedQuestions = null, string? Question = null) : BotReply
{
    /// <summary>The answer as sent under <paramref name="messageId"/>, for the feedback store.</summary>
    public Feedback.SentAnswer Sent(ConversationKey conversation, string messageId, DateTimeOffset at) =>
        new(conversation, messageId, Question ?? "", Answer.Text, [.. Answer.Citations.Select(c => $"[{c.N}] {c.Title} ({c.ArticleId})")], at);
}

/// <summary>The list of articles the bot answers from, each linked to its page.</summary>
public sealed record SourceListReply(string Intro, IReadOnlyList<SourceArticle> Articles) : BotReply;
