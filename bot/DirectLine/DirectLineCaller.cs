using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace SummitBot.DirectLine;

/// <summary>Who called a Direct Line endpoint: a site's server with a secret, or a client with a conversation token.</summary>
/// <param name="Conversation">The conversation the token is bound to; null for a secret.</param>
/// <param name="Expired">The token was ours but has expired: nothing is allowed, and clients are told to get a new one.</param>
public sealed record DirectLineCaller(bool HasSecret, string? Conversation, bool Expired = false)
{
    /// <summary>Whether the caller may do anything at all.</summary>
    public bool IsValid => HasSecret || Conversation is not null;

    /// <summary>A secret may act on any conversation; a token only on its own.</summary>
    public bool MayUse(string conversationId) => HasSecret || string.Equals(Conversation, conversationId, StringComparison.Ordinal);

    /// <returns>The refusal for a caller that is not valid: 403 TokenExpired, as Direct Line clients expect for an expired token, else 401.</returns>
    public static IResult Refusal(DirectLineCaller? caller) => caller is { Expired: true } ? DirectLineErrors.Expired() : DirectLineErrors.Unauthorized();
}

/// <summary>Reads the caller off the `Authorization: Bearer …` header.</summary>
public sealed class DirectLineAuthorization(DirectLineTokens tokens, IOptions<DirectLineOptions> options)
{
    private readonly byte[][] secrets = [.. options.Value.Secrets.Select(Encoding.UTF8.GetBytes)];

    /// <returns>The caller (possibly with an expired token), or null when the header holds neither a configured secret nor a token of ours.</returns>
    public DirectLineCaller? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var credential = header[scheme.Length..].Trim();
        if (IsSecret(credential))
        {
            return new DirectLineCaller(HasSecret: true, Conversation: null);
        }

        return tokens.Read(credential) switch
        {
            { Conversation: { } conversation } => new DirectLineCaller(HasSecret: false, conversation),
            { Expired: true } => new DirectLineCaller(HasSecret: false, Conversation: null, Expired: true),
            _ => null,
        };
    }

    /// <summary>Compared in constant time, so response timing tells nothing about a secret.</summary>
    private bool IsSecret(string credential)
    {
        var given = Encoding.UTF8.GetBytes(credential);
        var matched = false;
        foreach (var secret in secrets)
        {
            matched |= CryptographicOperations.FixedTimeEquals(given, secret);
        }

        return matched;
    }
}
