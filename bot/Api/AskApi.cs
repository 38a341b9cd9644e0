using System.Text.Json;
using SummitBot.Answering;

namespace SummitBot.Api;

/// <summary>POST /api/ask: one question in, the answer and its citations out, as `ask --json` prints them.</summary>
public static class AskApi
{
    /// <summary>A question is a sentence or two; 64 KiB leaves room for anything a person would send.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    private const string Usage = "Send a JSON body like {\"question\": \"Where did Lee and Ishiba meet?\"}.";

    public static IEndpointRouteBuilder MapAskApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ask", AskAsync);
        return app;
    }

    private static async Task<IResult> AskAsync(HttpRequest request, IAnswerStep answers, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return Results.Problem($"The request body is larger than {MaxBodyBytes / 1024} KiB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        AskRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<AskRequest>(
                new LimitedStream(request.Body, MaxBodyBytes), AskReply.Json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return Results.Problem($"The request body is not valid JSON. {Usage}", statusCode: StatusCodes.Status400BadRequest);
        }
        catch (LimitedStream.TooLargeException)
        {
            return Results.Problem($"The request body is larger than {MaxBodyBytes / 1024} KiB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (string.IsNullOrWhiteSpace(body?.Question))
        {
            return Results.Problem($"The question is missing or empty. {Usage}", statusCode: StatusCodes.Status400BadRequest);
        }

        var answer = await answers.AnswerAsync(body.Question, [], cancellationToken).ConfigureAwait(false);
        return Results.Json(AskReply.From(answer), AskReply.Json);
    }
}
