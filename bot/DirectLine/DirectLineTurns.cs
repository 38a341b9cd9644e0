using SummitBot.Conversations.Feedback;
using SummitBot.Conversations.Replies;
using SummitBot.Hosting;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Queues;
using SummitBot.Protocol.Replies;
using SummitBot.Protocol.Turns;
using SummitBot.State;

namespace SummitBot.DirectLine;

/// <summary>
/// Hands Direct Line activities to the same turn handler /api/messages uses, in process: queued on the same
/// lanes (one conversation's turns in order, bounded), with replies going to the conversation's log.
/// </summary>
public sealed class DirectLineTurns(
    BackgroundTurns background,
    TurnRunner runner,
    PublicAddress address,
    SentAnswers sentAnswers,
    IDirectLineJournal journal,
    AcceptedTurns accepted,
    DirectLineConversations conversations) : IRecoveredTurnReplies
{
    /// <summary>The bot as Direct Line clients see it: the sender of its replies.</summary>
    public static readonly ChannelAccount Bot = new() { Id = "summitbot", Name = "SummitBot", Role = "bot" };

    /// <summary>The visitor a new conversation's welcome is for: Direct Line knows no user before they post.</summary>
    private static readonly ChannelAccount Visitor = new() { Id = "visitor", Role = "user" };

    /// <summary>A welcome asks no answer step: it takes well under this.</summary>
    private static readonly TimeSpan WelcomeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Greets a conversation just opened, as a conversationUpdate that adds the visitor. Run at once, not queued: it
    /// is cheap, and a welcome refused by a full queue would be lost with nothing to tell the visitor.
    /// </summary>
    public Task WelcomeAsync(ConversationLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var joined = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelId = ChannelIds.DirectLine,
            Conversation = new ConversationAccount { Id = log.ConversationId },
            From = Visitor,
            Recipient = Bot,
            MembersAdded = [Visitor],
        };
        return runner.RunAsync(joined, Replies(log, joined), WelcomeTimeout, cancellationToken);
    }

    /// <summary>
    /// Keeps the posted activity in the log (the client waits for this echo) and queues its turn, kept in the state
    /// database until answered: should this instance die first, whichever instance recovers it answers into the log.
    /// </summary>
    /// <returns>Whether the turn was queued, the echo, and the turn to wait for (null when it was not queued).</returns>
    public async Task<(LaneAdmission Admission, Activity Echo, QueuedTurn? Turn)> PostAsync(ConversationLog log, Activity posted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(posted);
        var echo = await journal.AppendAsync(log, _ => posted with { Recipient = Bot, ServiceUrl = null, ReplyToId = null }, cancellationToken).ConfigureAwait(false);
        var turn = new QueuedTurn(echo, Replies(log, echo)) { StoredId = await accepted.TryAddAsync(echo, cancellationToken).ConfigureAwait(false) };
        var admission = background.TryEnqueue(turn);
        if (admission != LaneAdmission.Accepted)
        {
            await accepted.ForgetRefusedAsync(turn.StoredId).ConfigureAwait(false);
            return (admission, echo, null);
        }

        return (admission, echo, turn);
    }

    /// <summary>A recovered Direct Line turn answers into its conversation's log, if the conversation is still kept.</summary>
    public async Task<ITurnReplies?> ForAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelId != ChannelIds.DirectLine || activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return null;
        }

        var log = await conversations.OpenAsync(conversationId, cancellationToken).ConfigureAwait(false);
        return log.Last < 0 ? null : Replies(log, activity);
    }

    private DirectLineReplies Replies(ConversationLog log, Activity inbound) => new(log, journal, inbound, new ArticleLinks(address.Base), sentAnswers);
}
