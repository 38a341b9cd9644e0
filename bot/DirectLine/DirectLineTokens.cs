using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace SummitBot.DirectLine;

/// <summary>A conversation token as Direct Line hands it out: the token, its conversation, and its life in seconds.</summary>
public sealed record DirectLineToken(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>
/// Tokens that let a client read and post to one conversation and no other, for a limited time. They are
/// ASP.NET Core Data Protection payloads with an expiry (signed and encrypted with the host's key ring), not a
/// format of our own; a forged, altered, expired or foreign token does not read.
/// </summary>
public sealed class DirectLineTokens(IDataProtectionProvider protection, IOptions<DirectLineOptions> options)
{
    /// <summary>A stream address must be opened within this (as Direct Line's own, 60 seconds).</summary>
    public static readonly TimeSpan StreamAddressLifetime = TimeSpan.FromSeconds(60);

    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("SummitBot.DirectLine.ConversationToken").ToTimeLimitedDataProtector();

    // A purpose of its own: a stream address (which travels in a URL, and so in logs) never works as a bearer token.
    private readonly ITimeLimitedDataProtector streams = protection.CreateProtector("SummitBot.DirectLine.StreamAddress").ToTimeLimitedDataProtector();
    private readonly TimeSpan lifetime = options.Value.TokenLifetime;

    /// <summary>A token for a new conversation, with an id no client can guess.</summary>
    public DirectLineToken ForNewConversation() => For(NewConversationId());

    public DirectLineToken For(string conversationId, DateTimeOffset? expires = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var expiry = expires ?? DateTimeOffset.UtcNow.Add(lifetime);
        return new DirectLineToken(protector.Protect(conversationId, expiry), conversationId, (int)Math.Max(0, (expiry - DateTimeOffset.UtcNow).TotalSeconds));
    }

    /// <returns>The conversation the token is for, or null when it is forged, altered, expired or not one of ours.</returns>
    public string? ConversationOf(string? token) => Read(protector, token);

    /// <summary>The short-lived credential a stream address carries, since a WebSocket request has no Authorization header.</summary>
    public string ForStream(string conversationId) => streams.Protect(conversationId, DateTimeOffset.UtcNow.Add(StreamAddressLifetime));

    /// <returns>The conversation a stream address's credential is for, or null.</returns>
    public string? StreamConversationOf(string? credential) => Read(streams, credential);

    /// <returns>A fresh token for the same conversation, or null when <paramref name="token"/> does not read.</returns>
    public DirectLineToken? Refresh(string? token) => ConversationOf(token) is { } conversation ? For(conversation) : null;

    private static string? Read(ITimeLimitedDataProtector reader, string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            return reader.Unprotect(token, out _);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
