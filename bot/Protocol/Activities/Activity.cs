using System.Text.Json;

namespace SummitBot.Protocol.Activities;

/// <summary>
/// One Bot Framework activity, inbound or outbound. Only the fields this bot reads or writes are modelled;
/// everything else a channel sends is ignored on read (spec A2005), and null fields are omitted on write.
/// String-typed "enums" (type, deliveryMode, inputHint…) stay strings so unknown values never fail a read.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? ServiceUrl { get; init; }

    /// <summary>
    /// When the channel (here: the bot's own Direct Line) received or sent it, as ISO 8601 UTC text. Text, not a
    /// date: a malformed timestamp from a channel must not make its whole activity unreadable.
    /// </summary>
    public string? Timestamp { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? ReplyToId { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? Locale { get; init; }

    public string? InputHint { get; init; }

    public string? DeliveryMode { get; init; }

    /// <summary>The operation of an invoke or event activity.</summary>
    public string? Name { get; init; }

    /// <summary>The payload of an invoke, event or card submit; its shape depends on <see cref="Name"/>.</summary>
    public JsonElement? Value { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    public IReadOnlyList<Entity>? Entities { get; init; }

    public SuggestedActions? SuggestedActions { get; init; }

    /// <summary>
    /// Channel-specific data. Inbound it reads as a <see cref="JsonElement"/> (the bot needs none of it);
    /// outbound it is whatever object the reply sets, such as <see cref="TeamsChannelData"/>.
    /// </summary>
    public object? ChannelData { get; init; }
}
