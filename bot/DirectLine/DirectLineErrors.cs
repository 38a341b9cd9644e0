using System.Text.Json.Serialization;

namespace SummitBot.DirectLine;

/// <summary>Direct Line's error body, `{"error":{"code":"…","message":"…"}}`, which its clients read.</summary>
public static class DirectLineErrors
{
    public static IResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult Unauthorized() =>
        Error(StatusCodes.Status401Unauthorized, "TokenOrSecretInvalid", "Send a Direct Line secret or a valid, unexpired conversation token as 'Authorization: Bearer …'.");

    public static IResult SecretRequired() =>
        Error(StatusCodes.Status401Unauthorized, "SecretRequired", "Generating a token needs a Direct Line secret (DirectLine:Secrets).");

    public static IResult Expired() => Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired: get a new one (a page reloads, a site's server generates one).");

    public static IResult Forbidden() => Error(StatusCodes.Status403Forbidden, "BadArgument", "This token is not for that conversation.");

    public static IResult TooLarge(int limit) => Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The activity is larger than {limit} bytes (DirectLine:MaxActivityBytes).");

    public static IResult Busy(int status, string message) => Error(status, status == StatusCodes.Status429TooManyRequests ? "TooManyRequests" : "ServiceError", message);

    public static IResult Error(int status, string code, string message) =>
        Results.Json(new ErrorBody(new ErrorDetail(code, message)), statusCode: status);

    public sealed record ErrorBody([property: JsonPropertyName("error")] ErrorDetail Error);

    public sealed record ErrorDetail([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("message")] string Message);
}
