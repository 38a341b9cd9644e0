using ActivityContext = System.Diagnostics.ActivityContext;
using ActivityKind = System.Diagnostics.ActivityKind;
using ActivityStatusCode = System.Diagnostics.ActivityStatusCode;
using Span = System.Diagnostics.Activity;
using SummitBot.Conversations.Replies;
using SummitBot.Conversations;
using SummitBot.Hosting;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Replies;
using SummitBot.Telemetry;

namespace SummitBot.Protocol.Turns;

/// <summary>
/// Runs one activity through the turn handler within a deadline. Whatever goes wrong stays in this turn:
/// it is logged, the user gets an apology where one can still be sent, and nothing is thrown to the caller
/// except the caller's own cancellation. Each turn is a span, "turn {type}", under the request that brought it.
/// </summary>
public sealed class TurnRunner(TurnHandler handler, TimeProvider time, ILogger<TurnRunner> logger, BotMetrics? metrics = null)
{
    /// <param name="trace">The accepting request's trace when the turn runs on a worker; default: the current span.</param>
    public async Task RunAsync(Activity activity, ITurnReplies replies, TimeSpan timeout, CancellationToken cancellationToken, ActivityContext trace = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var span = BotTelemetry.Source.StartActivity($"turn {activity.Type}", ActivityKind.Internal, trace);
        span?.SetTag("summitbot.channel", activity.ChannelId);
        span?.SetTag("summitbot.conversation", LogValue.Shorten(activity.Conversation?.Id));
        var started = time.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var turn = DispatchAsync(activity, replies, deadline.Token);
        try
        {
            // WaitAsync, so that a step that ignores cancellation still cannot hold the caller past the deadline.
            await turn.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            ObserveAbandoned(turn);
            Failed(span, activity, "timeout", started);
            logger.LogWarning("A {Type} turn in {Channel} ran past {Timeout} and was cancelled", LogValue.Shorten(activity.Type), LogValue.Shorten(activity.ChannelId), timeout);
            await ApologizeAsync(replies, BotTexts.TookTooLong, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Failed(span, activity, ex.GetType().Name, started);
            logger.LogError(ex, "A {Type} turn in {Channel} failed", LogValue.Shorten(activity.Type), LogValue.Shorten(activity.ChannelId));
            await ApologizeAsync(replies, BotTexts.AnswerFailed, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A question that got no answer counts as a failed one; other turns only mark their span.</summary>
    private void Failed(Span? span, Activity activity, string reason, long started)
    {
        span?.SetStatus(ActivityStatusCode.Error, reason);
        if (activity.Type == ActivityTypes.Message)
        {
            metrics?.Answered(AnswerOutcome.Failed, activity.ChannelId, time.GetElapsedTime(started));
        }
    }

    /// <summary>Async, so that even a mapping failure lands in the returned task rather than escaping the deadline.</summary>
    private async Task DispatchAsync(Activity activity, ITurnReplies replies, CancellationToken cancellationToken)
    {
        var turn = activity.Type switch
        {
            ActivityTypes.Message => handler.OnMessageAsync(ActivityMapping.ToMessage(activity), replies, cancellationToken),
            ActivityTypes.ConversationUpdate => handler.OnMembersAddedAsync(ActivityMapping.MembersAdded(activity), activity.Recipient?.Id, replies, cancellationToken),
            ActivityTypes.EndOfConversation => handler.OnConversationEndedAsync(ActivityMapping.ConversationOf(activity), cancellationToken),
            ActivityTypes.Event when WebChatFeedback.Read(activity, time.GetUtcNow()) is { } vote => handler.OnFeedbackAsync(vote, cancellationToken),
            _ => Task.CompletedTask,
        };
        await turn.ConfigureAwait(false);
    }

    private async Task ApologizeAsync(ITurnReplies replies, string apology, CancellationToken cancellationToken)
    {
        try
        {
            await replies.SendAsync(new TextReply(apology), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not send an apology either");
        }
    }

    private void ObserveAbandoned(Task turn) =>
        turn.ContinueWith(
            t => logger.LogWarning(t.Exception, "An abandoned turn failed after its deadline"),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
}
