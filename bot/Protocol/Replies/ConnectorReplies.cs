using System.Globalization;
using SummitBot.Conversations;
using SummitBot.Conversations.Feedback;
using SummitBot.Conversations.Replies;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Connector;
using SummitBot.Protocol.Delivery;
using SummitBot.Protocol.Turns;

namespace SummitBot.Protocol.Replies;

/// <summary>
/// A turn's replies handed to the outbox one by one, as the turn produces them. Each gets an id of its own
/// that stays the same however often delivery is attempted: the inbound activity's id (or, without one, a
/// fresh one for the turn) and the reply's place in the turn.
/// </summary>
/// <remarks>
/// The Activity protocol says a bot should not set a sent activity's id (channels assign their own); the
/// ones that do keep it can use it to recognise a retried reply, and the others ignore it.
/// </remarks>
/// <param name="deliveryDeadline">Replies are given up after this: acceptance plus BotProtocol:Connector:DeliveryDeadline.</param>
/// <param name="sentAnswers">Told each delivered answer's id (from the Connector's response), so feedback on it can say what it rated.</param>
public sealed class ConnectorReplies(ReplyOutbox outbox, Activity inbound, Uri serviceUrl, ArticleLinks links, DateTimeOffset deliveryDeadline, SentAnswers sentAnswers) : ITurnReplies
{
    private readonly string turnId = string.IsNullOrEmpty(inbound.Id) ? Guid.NewGuid().ToString("N") : inbound.Id;
    /// <summary>How long the first draft of a Teams stream may take to be delivered before the answer goes out whole.</summary>
    private static readonly TimeSpan FirstDraftWait = TimeSpan.FromSeconds(10);

    private readonly ConversationKey conversation = ActivityMapping.ConversationOf(inbound);
    private readonly TeamsStreaming? stream = TeamsStreaming.For(inbound);
    private readonly List<Task<DeliveryResult>> deliveries = [];
    private int sent;

    public Task DeliveredAsync()
    {
        lock (deliveries)
        {
            return Task.WhenAll(deliveries);
        }
    }

    public bool ShowsDrafts => stream is not null;

    public async Task SendAsync(BotReply reply, CancellationToken cancellationToken)
    {
        var sequence = Interlocked.Increment(ref sent);
        var activity = ReplyActivities.Create(reply, inbound, links) with
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"{turnId}.reply-{sequence}"),
        };
        if (reply is DraftReply)
        {
            await SendDraftAsync(activity, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (stream is { Started: true } && reply is not TypingReply)
        {
            activity = stream.Finish(activity);
        }

        if (reply is TypingReply)
        {
            await outbox.AddAsync(new PendingReply(conversation, serviceUrl, activity, deliveryDeadline, BestEffort: true), cancellationToken).ConfigureAwait(false);
            return;
        }

        var delivered = new TaskCompletionSource<DeliveryResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (deliveries)
        {
            deliveries.Add(delivered.Task);
        }

        if (reply is AnswerReply answer)
        {
            // Not awaited: the turn is done once its answer is queued; the id comes when (and if) it is delivered.
            _ = RecordWhenDeliveredAsync(delivered.Task, answer);
        }

        await outbox.AddAsync(new PendingReply(conversation, serviceUrl, activity, deliveryDeadline, BestEffort: false, delivered), cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordWhenDeliveredAsync(Task<DeliveryResult> delivery, AnswerReply answer)
    {
        var result = await delivery.ConfigureAwait(false);
        if (result.Delivered)
        {
            await sentAnswers.RecordAsync(answer, conversation, result.Id, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Drafts are best effort: a lost one is replaced by the next. The first is waited for, since Teams' id for it
    /// names the stream; if it fails, the answer arrives whole.
    /// </summary>
    private async Task SendDraftAsync(Activity draft, CancellationToken cancellationToken)
    {
        if (stream is null or { Broken: true })
        {
            return;
        }

        var numbered = stream.Draft(draft);
        if (stream.Started)
        {
            await outbox.AddAsync(new PendingReply(conversation, serviceUrl, numbered, deliveryDeadline, BestEffort: true), cancellationToken).ConfigureAwait(false);
            return;
        }

        var outcome = new TaskCompletionSource<DeliveryResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await outbox.AddAsync(new PendingReply(conversation, serviceUrl, numbered, deliveryDeadline, BestEffort: true, outcome), cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await outcome.Task.WaitAsync(FirstDraftWait, cancellationToken).ConfigureAwait(false);
            stream.Begin(result.Delivered ? result.Id : null);
        }
        catch (TimeoutException)
        {
            stream.Begin(null);
        }
    }
}
