using Microsoft.IdentityModel.Tokens;

namespace SummitBot.Protocol.Auth;

/// <summary>What every Bot Framework token must satisfy, whoever issued it.</summary>
internal static class BotTokenRules
{
    /// <summary>Clock skew the Bot Framework allows between the token issuer and the bot.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static TokenValidationParameters Parameters(IEnumerable<string> issuers, string? audience) => new()
    {
        ValidIssuers = issuers,
        ValidateIssuer = true,
        ValidAudience = audience,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        RequireSignedTokens = true,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
    };

    /// <summary>A short reason for the log; IdentityModel's own messages can carry token contents.</summary>
    public static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenNoExpirationException => "the token has no expiry",
        SecurityTokenInvalidAudienceException => "the token's audience is not this bot's app id",
        SecurityTokenInvalidIssuerException => "the token's issuer is not accepted",
        SecurityTokenInvalidAlgorithmException => "the token's signing algorithm is not accepted",
        SecurityTokenSignatureKeyNotFoundException => "the token is signed with a key not in the OpenID metadata",
        SecurityTokenInvalidSignatureException => "the token's signature is missing or invalid",
        SecurityTokenMalformedException => "the token is malformed",
        null => "the token was refused",
        _ => $"the token was refused ({failure.GetType().Name})",
    };
}
