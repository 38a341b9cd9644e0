namespace SummitBot.Protocol.Activities;

/// <summary>A user or bot on a channel (`from`, `recipient`, `membersAdded`, a mention's `mentioned`).</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    public string? Role { get; init; }
}
