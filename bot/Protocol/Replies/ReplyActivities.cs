using SummitBot.Conversations.Replies;
using SummitBot.Protocol.Activities;

namespace SummitBot.Protocol.Replies;

/// <summary>Turns the turn handler's replies into activities addressed back to the sender of the inbound one.</summary>
public static class ReplyActivities
{
    public static Activity Create(BotReply reply, Activity inbound, ArticleLinks links)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(inbound);
        var message = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = inbound.ChannelId,
            From = inbound.Recipient,
            Recipient = inbound.From,
            Conversation = new ConversationAccount { Id = inbound.Conversation?.Id },
            ReplyToId = IsThreadedReply(inbound) ? inbound.Id : null,
            Locale = inbound.Locale,
            TextFormat = TextFormats.Markdown,
            InputHint = InputHints.AcceptingInput,
        };

        return reply switch
        {
            TypingReply => message with { Type = ActivityTypes.Typing, TextFormat = null, InputHint = null },
            DraftReply draft => message with { Type = ActivityTypes.Typing, Text = draft.Text, TextFormat = TextFormats.Plain, InputHint = null },
            TextReply text => message with { Text = text.Text },
            SuggestionsReply friendly => message with { Text = friendly.Text, SuggestedActions = Suggested(friendly.SuggestedQuestions) },
            AnswerReply answer => AnswerActivity.Create(message, answer.Answer, links) with { SuggestedActions = Suggested(answer.SuggestedQuestions) },
            SourceListReply list => message with
            {
                Text = list.Intro + "\n\n" + string.Join("\n", list.Articles.Select(a => "- " + MarkdownLines.Listed(a, links))),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "No activity shape for this reply."),
        };
    }

    /// <summary>Questions to tap, sent back as the user's own message (imBack); none: no suggested actions at all.</summary>
    private static SuggestedActions? Suggested(IReadOnlyList<string>? questions) =>
        questions is { Count: > 0 } ? new SuggestedActions([.. questions.Select(q => new CardAction(CardAction.ImBack, q, q))]) : null;

    /// <summary>
    /// Direct Line has no activity to thread a welcome under (its conversationUpdate is synthetic), so the
    /// welcome goes out as a new message there, as Bot Builder does.
    /// </summary>
    private static bool IsThreadedReply(Activity inbound) =>
        !(inbound.Type == ActivityTypes.ConversationUpdate && inbound.ChannelId is ChannelIds.DirectLine or ChannelIds.WebChat);
}
