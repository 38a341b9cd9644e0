using Microsoft.Extensions.Options;
using SummitBot.Conversations.Feedback;
using SummitBot.Hosting;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Auth;
using SummitBot.Protocol.Connector;
using SummitBot.Protocol.Delivery;
using SummitBot.Protocol.Queues;
using SummitBot.Protocol.Replies;
using SummitBot.Protocol.Turns;
using SummitBot.State;

namespace SummitBot.Protocol.Inbound;

/// <summary>
/// POST /api/messages: size limit, parse, authenticate, then answer. Invokes are answered in the response;
/// `expectReplies` turns run within a deadline and return their replies in the body; everything else is
/// acknowledged with 200 at once and answered through the Connector by <see cref="BackgroundTurns"/>.
/// </summary>
public sealed class MessagesEndpoint(
    IInboundAuthenticator authenticator,
    ActivityValidation validation,
    PublicAddress publicAddress,
    TurnRunner runner,
    InvokeHandler invokes,
    BackgroundTurns background,
    ReplyOutbox outbox,
    SentAnswers sentAnswers,
    AcceptedTurns accepted,
    IOptions<BotProtocolOptions> options,
    IOptions<ConnectorOptions> connector,
    TimeProvider time,
    ILogger<MessagesEndpoint> logger)
{
    private readonly BotProtocolOptions settings = options.Value;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;

        var body = await RequestBody.ReadAsync(context.Request, settings.MaxRequestBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: $"The activity is larger than {settings.MaxRequestBodyBytes} bytes.");
        }

        var (activity, parseProblem) = ActivityReader.Read(body);
        if (activity is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: parseProblem);
        }

        var header = context.Request.Headers.Authorization.ToString();
        var auth = await authenticator.AuthenticateAsync(header.Length == 0 ? null : header, activity.ChannelId, activity.ServiceUrl, cancellationToken).ConfigureAwait(false);
        if (!auth.IsAuthenticated)
        {
            logger.LogWarning("Refused a {Type} activity from channel {Channel}: {Reason}", LogValue.Shorten(activity.Type), LogValue.Shorten(activity.ChannelId), LogValue.Shorten(auth.Reason));
            return Results.Unauthorized();
        }

        if (!ActivityValidation.IsHandled(activity.Type))
        {
            return Results.Ok();
        }

        if (validation.Problem(activity) is { } problem)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: problem);
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            return Results.StatusCode(await invokes.InvokeAsync(activity, cancellationToken).ConfigureAwait(false));
        }

        var links = new ArticleLinks(publicAddress.Base);
        var expectReplies = activity.DeliveryMode == DeliveryModes.ExpectReplies;
        if (expectReplies || activity.Type == ActivityTypes.EndOfConversation)
        {
            // endOfConversation replies nothing: its state is dropped before the 200, so the channel's next
            // activity finds it gone.
            var replies = new CollectedReplies(activity, links);
            await runner.RunAsync(activity, replies, settings.ExpectRepliesTimeout, cancellationToken).ConfigureAwait(false);
            return expectReplies ? Results.Json(new ExpectedReplies(replies.Snapshot()), ActivityJson.Options) : Results.Ok();
        }

        // Validation made sure a turn that replies has a usable serviceUrl.
        var serviceUrl = ConnectorUrls.ParseServiceUrl(activity.ServiceUrl)!;
        var stored = await accepted.TryAddAsync(activity, cancellationToken).ConfigureAwait(false);
        var turn = new QueuedTurn(activity, new ConnectorReplies(outbox, activity, serviceUrl, links, time.GetUtcNow() + connector.Value.DeliveryDeadline, sentAnswers))
        {
            StoredId = stored,
        };
        var admission = background.TryEnqueue(turn);
        if (admission != LaneAdmission.Accepted)
        {
            await accepted.ForgetRefusedAsync(stored).ConfigureAwait(false);
        }

        switch (admission)
        {
            case LaneAdmission.Accepted:
                break;
            case LaneAdmission.KeyFull:
                logger.LogWarning("Conversation {Conversation} has {Limit} turns queued; refused a {Type} activity", LogValue.Shorten(turn.Conversation), settings.MaxQueuedTurnsPerConversation, LogValue.Shorten(activity.Type));
                context.Response.Headers.RetryAfter = "5";
                return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, detail: "This conversation has too many questions waiting; try again shortly.");
            default:
                logger.LogWarning("Turn queue full; refused a {Type} activity from {Channel}", LogValue.Shorten(activity.Type), LogValue.Shorten(activity.ChannelId));
                context.Response.Headers.RetryAfter = "5";
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: "The bot is busy; try again shortly.");
        }

        return Results.Ok();
    }
}
