using SummitBot.Conversations;
using SummitBot.Protocol.Activities;

namespace SummitBot.Protocol.Turns;

/// <summary>Answers invoke activities, whose HTTP status (and body, when any) is the channel's answer.</summary>
public sealed class InvokeHandler(TurnHandler handler, TimeProvider time, ILogger<InvokeHandler> logger)
{
    /// <returns>
    /// 200 for stored feedback (with an empty body: Teams rejects any other), 400 for an unreadable one, 503 when the
    /// store failed (the channel may try again; never a 500), 501 for any other invoke.
    /// </returns>
    public async Task<int> InvokeAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Name != FeedbackInvoke.Name)
        {
            return StatusCodes.Status501NotImplemented;
        }

        var feedback = FeedbackInvoke.Read(activity, time.GetUtcNow());
        if (feedback is null)
        {
            return StatusCodes.Status400BadRequest;
        }

        try
        {
            await handler.OnFeedbackAsync(feedback, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not keep feedback from {Conversation}", Hosting.LogValue.Shorten(feedback.Conversation));
            return StatusCodes.Status503ServiceUnavailable;
        }

        return StatusCodes.Status200OK;
    }
}
