using System.Globalization;
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

/// <summary>What a token says: its conversation when it is valid, or that it expired (Direct Line answers 403 for that, 401 for the rest).</summary>
public sealed record TokenReading(string? Conversation, bool Expired)
{
    public static readonly TokenReading Invalid = new(null, Expired: false);
}

/// <summary>
/// Tokens that let a client read and post to one conversation and no other, for a limited time. They are ASP.NET
/// Core Data Protection payloads (signed and encrypted with the host's key ring) holding the conversation and the
/// expiry; a forged, altered or foreign token does not read, and an expired one reads as expired. The expiry is in
/// the payload rather than Data Protection's time-limited wrapper, which cannot tell an expired token from a forged one.
/// </summary>
public sealed class DirectLineTokens(IDataProtectionProvider protection, IOptions<DirectLineOptions> options, TimeProvider? time = null)
{
    /// <summary>A stream address must be opened within this (as Direct Line's own, 60 seconds).</summary>
    public static readonly TimeSpan StreamAddressLifetime = TimeSpan.FromSeconds(60);

    private readonly IDataProtector protector = protection.CreateProtector("SummitBot.DirectLine.ConversationToken");

    // A purpose of its own: a stream address (which travels in a URL, and so in logs) never works as a bearer token.
    private readonly IDataProtector streams = protection.CreateProtector("SummitBot.DirectLine.StreamAddress");
    private readonly TimeSpan lifetime = options.Value.TokenLifetime;
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>A token for a new conversation, with an id no client can guess.</summary>
    public DirectLineToken ForNewConversation() => For(NewConversationId());

    public DirectLineToken For(string conversationId, DateTimeOffset? expires = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var expiry = expires ?? clock.GetUtcNow().Add(lifetime);
        return new DirectLineToken(Protect(protector, conversationId, expiry), conversationId, (int)Math.Max(0, (expiry - clock.GetUtcNow()).TotalSeconds));
    }

    /// <returns>The conversation the token is for, or null when it is forged, altered, expired or not one of ours.</returns>
    public string? ConversationOf(string? token) => Read(token).Conversation;

    public TokenReading Read(string? token) => Read(protector, token);

    /// <summary>The short-lived credential a stream address carries, since a WebSocket request has no Authorization header.</summary>
    public string ForStream(string conversationId) => Protect(streams, conversationId, clock.GetUtcNow().Add(StreamAddressLifetime));

    /// <returns>The conversation a stream address's credential is for, or null.</returns>
    public string? StreamConversationOf(string? credential) => Read(streams, credential).Conversation;

    /// <returns>A fresh token for the same conversation, or null when <paramref name="token"/> does not read.</returns>
    public DirectLineToken? Refresh(string? token) => ConversationOf(token) is { } conversation ? For(conversation) : null;

    private static string Protect(IDataProtector with, string conversationId, DateTimeOffset expiry) =>
        with.Protect(string.Create(CultureInfo.InvariantCulture, $"{expiry.ToUnixTimeMilliseconds()}|{conversationId}"));

    private TokenReading Read(IDataProtector with, string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return TokenReading.Invalid;
        }

        string payload;
        try
        {
            payload = with.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return TokenReading.Invalid;
        }
        catch (FormatException)
        {
            return TokenReading.Invalid;
        }

        var bar = payload.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || !long.TryParse(payload.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var expiry))
        {
            return TokenReading.Invalid;
        }

        return clock.GetUtcNow().ToUnixTimeMilliseconds() < expiry ? new TokenReading(payload[(bar + 1)..], Expired: false) : new TokenReading(null, Expired: true);
    }

    private static string NewConversationId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
