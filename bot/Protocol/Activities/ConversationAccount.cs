namespace SummitBot.Protocol.Activities;

/// <summary>The conversation an activity belongs to. Replies send only <see cref="Id"/>.</summary>
public sealed record ConversationAccount
{
    /// <summary>Opaque, channel-assigned; Teams and Emulator ids hold characters that need escaping in URLs.</summary>
    public string? Id { get; init; }

    public string? Name { get; init; }

    public bool? IsGroup { get; init; }

    /// <summary>Teams: `personal`, `groupChat` or `channel`.</summary>
    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }
}
