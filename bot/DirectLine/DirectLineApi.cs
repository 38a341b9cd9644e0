using Microsoft.Extensions.Options;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Inbound;
using SummitBot.Protocol.Queues;
using SummitBot.State;

namespace SummitBot.DirectLine;

/// <summary>
/// Direct Line 3.0 as Web Chat and DirectLineJS use it, served by the bot itself under /v3/directline: tokens,
/// conversations, posting, polling and the WebSocket stream. Rate limited (<see cref="DirectLineRateLimits"/>) and
/// open to other origins only as DirectLine:AllowedOrigins says.
/// </summary>
public static class DirectLineApi
{
    public const string BasePath = "/v3/directline";

    private const int MaxConversationIdLength = 128;

    public static IEndpointRouteBuilder MapDirectLineApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath).RequireCors(DirectLineServices.CorsPolicy).AddEndpointFilter(AnsweringThroughStoreOutagesAsync);
        api.MapPost("/tokens/generate", GenerateToken).WithMetadata(DirectLineLimit.Tokens);
        api.MapPost("/tokens/refresh", RefreshToken).WithMetadata(DirectLineLimit.Tokens);
        api.MapPost("/conversations", StartConversation).WithMetadata(DirectLineLimit.Tokens);
        api.MapGet("/conversations/{conversationId}", Reconnect);
        api.MapPost("/conversations/{conversationId}/activities", PostActivity).WithMetadata(DirectLineLimit.Posts);
        api.MapGet("/conversations/{conversationId}/activities", GetActivities);
        api.Map("/conversations/{conversationId}/stream", (HttpContext context, string conversationId, DirectLineSocket stream) => stream.HandleAsync(context, conversationId));
        return app;
    }

    private static IResult GenerateToken(HttpRequest request, DirectLineAuthorization authorization, DirectLineTokens tokens) =>
        authorization.Read(request) is { HasSecret: true } ? Results.Json(tokens.ForNewConversation()) : DirectLineErrors.SecretRequired();

    /// <summary>Needs the token itself, unexpired: a secret generates tokens instead.</summary>
    private static IResult RefreshToken(HttpRequest request, DirectLineAuthorization authorization, DirectLineTokens tokens)
    {
        var caller = authorization.Read(request);
        return caller is { HasSecret: false, Conversation: { } conversation } ? Results.Json(tokens.For(conversation)) : DirectLineCaller.Refusal(caller);
    }

    /// <summary>201 with a new conversation; 200 when the token's conversation had already started.</summary>
    private static async Task<IResult> StartConversation(HttpRequest request, DirectLineAuthorization authorization, DirectLineTokens tokens, DirectLineConversations conversations, DirectLineTurns turns, StreamAddress streams)
    {
        var caller = authorization.Read(request);
        if (caller is not { IsValid: true })
        {
            return DirectLineCaller.Refusal(caller);
        }

        var token = caller.Conversation is { } bound ? tokens.For(bound) : tokens.ForNewConversation();
        var (log, isNew) = await conversations.StartAsync(token.ConversationId, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (isNew)
        {
            // Before the 201, so the welcome is the first thing the new stream sends.
            await turns.WelcomeAsync(log, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        var started = new ConversationStarted(token.ConversationId, token.Token, token.ExpiresIn, streams.For(request, token.ConversationId, watermark: null));
        return isNew ? Results.Json(started, statusCode: StatusCodes.Status201Created) : Results.Json(started);
    }

    /// <summary>A new streamUrl for a conversation the caller may use, resuming after <c>watermark</c>.</summary>
    private static async Task<IResult> Reconnect(HttpRequest request, string conversationId, string? watermark, DirectLineAuthorization authorization, DirectLineTokens tokens, DirectLineConversations conversations, StreamAddress streams)
    {
        if (Authorize(request, conversationId, authorization) is { } refused)
        {
            return refused;
        }

        await conversations.OpenAsync(conversationId, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var token = tokens.For(conversationId);
        return Results.Json(new ConversationStarted(conversationId, token.Token, token.ExpiresIn, streams.For(request, conversationId, watermark)));
    }

    private static async Task<IResult> GetActivities(HttpRequest request, string conversationId, string? watermark, DirectLineAuthorization authorization, DirectLineConversations conversations)
    {
        if (Authorize(request, conversationId, authorization) is { } refused)
        {
            return refused;
        }

        var (activities, next) = (await conversations.OpenAsync(conversationId, request.HttpContext.RequestAborted).ConfigureAwait(false)).After(watermark);
        return Results.Json(new ActivitySet(activities, next), ActivityJson.Options);
    }

    private static async Task<IResult> PostActivity(
        HttpContext context,
        string conversationId,
        DirectLineAuthorization authorization,
        DirectLineConversations conversations,
        DirectLineTurns turns,
        ActivityValidation validation,
        IOptions<DirectLineOptions> options,
        IDirectLineJournal journal,
        IHostApplicationLifetime lifetime)
    {
        if (Authorize(context.Request, conversationId, authorization) is { } refused)
        {
            return refused;
        }

        var limit = options.Value.MaxActivityBytes;
        var body = await RequestBody.ReadAsync(context.Request, limit, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return DirectLineErrors.TooLarge(limit);
        }

        var (activity, problem) = ActivityReader.Read(body);
        if (activity is null)
        {
            return DirectLineErrors.BadArgument(problem!);
        }

        if (string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return DirectLineErrors.BadArgument("The activity needs from.id.");
        }

        if (validation.LengthProblem(activity) is { } tooLong)
        {
            return DirectLineErrors.BadArgument(tooLong);
        }

        var log = await conversations.OpenAsync(conversationId, context.RequestAborted).ConfigureAwait(false);
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Event))
        {
            // Typing and the like reach nobody but the stream; the bot has nothing to answer.
            var passed = await journal.PassAsync(log, activity with { ServiceUrl = null }, context.RequestAborted).ConfigureAwait(false);
            return Results.Json(new ResourceResponse(passed.Id!));
        }

        var (admission, echo, turn) = await turns.PostAsync(log, activity, context.RequestAborted).ConfigureAwait(false);
        switch (admission)
        {
            case LaneAdmission.Accepted:
                break;
            case LaneAdmission.KeyFull:
                context.Response.Headers.RetryAfter = "5";
                return DirectLineErrors.Busy(StatusCodes.Status429TooManyRequests, "This conversation has too many questions waiting; try again shortly.");
            default:
                context.Response.Headers.RetryAfter = "5";
                return DirectLineErrors.Busy(StatusCodes.Status503ServiceUnavailable, "The bot is busy; try again shortly.");
        }

        // Direct Line answers a post once the bot has; a slow answer still arrives on the stream after the wait.
        try
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            await turn!.Finished.WaitAsync(options.Value.AnswerWait, waiting.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Accepted all the same: the echo is kept and the answer is on its way.
        }

        return Results.Json(new ResourceResponse(echo.Id!));
    }

    /// <summary>
    /// The state database unreachable (down, or out of connections) is a 503 to retry, never a 500: a client that
    /// retries loses nothing, and Web Chat shows it as a message that could not be sent.
    /// </summary>
    private static async ValueTask<object?> AnsweringThroughStoreOutagesAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreOutage.Of(ex) && !context.HttpContext.Response.HasStarted)
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DirectLineApi))
                .LogError(ex, "The state database failed during a Direct Line request; answered 503");
            context.HttpContext.Response.Headers.RetryAfter = "5";
            return DirectLineErrors.Busy(StatusCodes.Status503ServiceUnavailable, "The bot cannot reach its state store; try again shortly.");
        }
    }

    /// <returns>Null when the caller may use the conversation; else the 400, 401 or 403 to send.</returns>
    private static IResult? Authorize(HttpRequest request, string conversationId, DirectLineAuthorization authorization) =>
        authorization.Read(request) switch
        {
            not { IsValid: true } and var refused => DirectLineCaller.Refusal(refused),
            var caller when !caller.MayUse(conversationId) => DirectLineErrors.Forbidden(),
            // A secret may name any conversation; not one of any length (ours are 32 characters).
            _ when conversationId.Length > MaxConversationIdLength => DirectLineErrors.BadArgument($"A conversation id is at most {MaxConversationIdLength} characters."),
            _ => null,
        };
}
