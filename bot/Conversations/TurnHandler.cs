using Microsoft.Extensions.Options;
using SummitBot.Answering;
using SummitBot.Conversations.Feedback;
using SummitBot.Conversations.Replies;
using SummitBot.Conversations.State;
using SummitBot.Hosting;

namespace SummitBot.Conversations;

/// <summary>
/// What the bot does in a conversation: answers questions with their history, runs commands, greets
/// newcomers, forgets ended conversations and keeps feedback. It works on channel-neutral records and
/// <see cref="BotReply"/>s, so any protocol layer (this repo's, or Bot Builder's adapter) can drive it.
/// </summary>
public sealed class TurnHandler(
    IAnswerStep answerStep,
    IConversationStore conversations,
    IFeedbackStore feedback,
    ISourceCatalog sources,
    IOptions<ConversationOptions> options,
    IOptions<AnswerOptions> answering,
    TimeProvider time,
    ILogger<TurnHandler> logger,
    Telemetry.BotMetrics? metrics = null)
{
    private readonly ConversationOptions limits = options.Value;

    /// <summary>The answer step's own limit (Answering:MaxQuestionLength), checked here so an over-long message is neither answered nor remembered.</summary>
    private readonly int maxQuestionLength = answering.Value.MaxQuestionLength;

    /// <summary>What the articles are about (Answering:Topic), named in the bot's own texts.</summary>
    private readonly string topic = answering.Value.Topic;

    public async Task OnMessageAsync(IncomingMessage message, ITurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(replies);

        var (text, mentioned) = BotMention.Strip(message.Text, message.Mentions, message.BotId);
        if (message.IsGroupConversation && !mentioned)
        {
            // Other people's chatter in a group chat or channel is not addressed to the bot.
            return;
        }

        if (text.Length == 0)
        {
            await replies.SendAsync(new SuggestionsReply(BotTexts.Help(topic), await SuggestionsAsync(message.Conversation, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
        }
        else if (text.Length > maxQuestionLength)
        {
            await replies.SendAsync(new TextReply(BotTexts.TooLong(text.Length, maxQuestionLength)), cancellationToken).ConfigureAwait(false);
        }
        else if (BotCommands.TryParse(text, out var command))
        {
            await RunCommandAsync(command, message.Conversation, replies, cancellationToken).ConfigureAwait(false);
        }
        else if (SmallTalk.TryParse(text, out var talk))
        {
            // Not a question: answered in kind, and not remembered as a turn a follow-up could lean on.
            var reply = talk == SmallTalkKind.Greeting ? BotTexts.Greeting(topic) : BotTexts.YouAreWelcome;
            await replies.SendAsync(new SuggestionsReply(reply, await SuggestionsAsync(message.Conversation, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await AnswerAsync(text, message.Conversation, replies, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task OnMembersAddedAsync(IReadOnlyList<Member> added, string? botId, ITurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(replies);
        // One welcome per update however many joined: a team of hundreds added at once gets one message, not hundreds
        // (and an expectReplies body stays one reply long). Only a lone newcomer is greeted by name.
        var people = added.Where(m => !string.Equals(m.Id, botId, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        if (people.Count == 0)
        {
            return;
        }

        var welcome = new SuggestionsReply(BotTexts.WelcomeFor(people.Count == 1 ? people[0].Name : null, topic), Suggestions.Next(limits.SuggestedQuestions, []));
        await replies.SendAsync(welcome, cancellationToken).ConfigureAwait(false);
    }

    public Task OnConversationEndedAsync(ConversationKey conversation, CancellationToken cancellationToken) =>
        conversations.ClearAsync(conversation, cancellationToken);

    public Task OnFeedbackAsync(UserFeedback received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(received);
        var kept = received with { Text = received.Text is null ? null : TextShortener.Shorten(received.Text, limits.MaxFeedbackCharacters) };
        return feedback.AddAsync(kept, cancellationToken);
    }

    private async Task RunCommandAsync(BotCommand command, ConversationKey conversation, ITurnReplies replies, CancellationToken cancellationToken)
    {
        BotReply reply;
        switch (command)
        {
            case BotCommand.Sources:
                var articles = await sources.ListAsync(cancellationToken).ConfigureAwait(false);
                reply = new SourceListReply(BotTexts.SourcesIntro, articles);
                break;
            case BotCommand.Reset:
                await conversations.ClearAsync(conversation, cancellationToken).ConfigureAwait(false);
                reply = new TextReply(BotTexts.Reset);
                break;
            default:
                reply = new SuggestionsReply(BotTexts.Help(topic), await SuggestionsAsync(conversation, cancellationToken).ConfigureAwait(false));
                break;
        }

        await replies.SendAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<string>> SuggestionsAsync(ConversationKey conversation, CancellationToken cancellationToken) =>
        Suggestions.Next(limits.SuggestedQuestions, [.. (await HistoryAsync(conversation, cancellationToken).ConfigureAwait(false)).Select(t => t.Question)]);

    private async Task AnswerAsync(string question, ConversationKey conversation, ITurnReplies replies, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await replies.SendAsync(new TypingReply(), cancellationToken).ConfigureAwait(false);
        var history = await HistoryAsync(conversation, cancellationToken).ConfigureAwait(false);

        Answer answer;
        Telemetry.AnswerOutcome outcome;
        using (var answering = Telemetry.BotTelemetry.Source.StartActivity("answer"))
        {
            try
            {
                answer = replies.ShowsDrafts
                    ? await StreamAsync(question, history, replies, cancellationToken).ConfigureAwait(false)
                    : await answerStep.AnswerAsync(question, history, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failing answer step costs this one question an apology, nothing more.
                answering?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
                metrics?.Answered(Telemetry.AnswerOutcome.Failed, conversation.ChannelId, time.GetElapsedTime(started));
                logger.LogError(ex, "The answer step failed in {Conversation}", LogValue.Shorten(conversation));
                await replies.SendAsync(new TextReply(BotTexts.AnswerFailed), cancellationToken).ConfigureAwait(false);
                return;
            }

            outcome = Telemetry.BotMetrics.OutcomeOf(answer);
            answering?.SetTag("summitbot.outcome", Telemetry.BotMetrics.Name(outcome));
            answering?.SetTag("summitbot.citations", answer.Citations.Count);
        }

        // What to ask next: the suggested questions this conversation has not asked yet, a refusal included.
        var next = Suggestions.Next(limits.SuggestedQuestions, [.. history.Select(t => t.Question), question]);
        await replies.SendAsync(new AnswerReply(answer, next, question), cancellationToken).ConfigureAwait(false);
        Answered(conversation, question, answer, outcome, time.GetElapsedTime(started));
        await RememberAsync(conversation, new ConversationTurn(question, answer.Text), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The one log event of an answered turn, and its metrics. The user's words only at Debug: they may be personal.</summary>
    private void Answered(ConversationKey conversation, string question, Answer answer, Telemetry.AnswerOutcome outcome, TimeSpan elapsed)
    {
        metrics?.Answered(outcome, conversation.ChannelId, elapsed);
        logger.LogInformation(
            "Answered a question in {Conversation} on {Channel}: {Outcome}, citing {Citations}, in {LatencyMs} ms",
            LogValue.Shorten(conversation.ConversationId),
            conversation.ChannelId,
            Telemetry.BotMetrics.Name(outcome),
            answer.Citations.Select(c => c.ArticleId).ToArray(),
            Math.Round(elapsed.TotalMilliseconds));
        logger.LogDebug("The question in {Conversation} was {Question}", LogValue.Shorten(conversation.ConversationId), LogValue.Shorten(question));
    }

    /// <summary>The conversation's history; when the store cannot be read, none: the question is answered as a first one.</summary>
    private async Task<IReadOnlyList<ConversationTurn>> HistoryAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        try
        {
            return await conversations.GetHistoryAsync(conversation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not read the history of {Conversation}; answering as a first question", LogValue.Shorten(conversation));
            return [];
        }
    }

    /// <summary>Keeps the turn for follow-ups; when the store fails, the answer already sent stands and only the context is lost.</summary>
    private async Task RememberAsync(ConversationKey conversation, ConversationTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            await conversations.AppendAsync(conversation, turn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not remember a turn of {Conversation}; a follow-up will lack it", LogValue.Shorten(conversation));
        }
    }

    /// <summary>Shows the drafts as they are written, at most one per Conversations:DraftInterval, and returns the final answer.</summary>
    private async Task<Answer> StreamAsync(string question, IReadOnlyList<ConversationTurn> history, ITurnReplies replies, CancellationToken cancellationToken)
    {
        var draft = new System.Text.StringBuilder();
        var shown = 0;
        var lastShown = long.MinValue;
        await foreach (var update in answerStep.StreamAsync(question, history, cancellationToken).ConfigureAwait(false))
        {
            if (update.Final is { } final)
            {
                return final;
            }

            draft.Append(update.Draft);
            if (draft.Length > shown && (lastShown == long.MinValue || time.GetElapsedTime(lastShown) >= limits.DraftInterval))
            {
                await replies.SendAsync(new DraftReply(draft.ToString()), cancellationToken).ConfigureAwait(false);
                shown = draft.Length;
                lastShown = time.GetTimestamp();
            }
        }

        throw new InvalidOperationException("The answer step's stream ended without a final answer.");
    }
}
