namespace SummitBot.Protocol.Activities;

/// <summary>
/// Where an activity stands in a streamed answer: the drafts are typing activities numbered from 1, and the final
/// message replaces them. <see cref="StreamId"/> is the id the channel gave the first draft (absent on it).
/// Web Chat reads this as the activity's channelData; Teams as a `streaminfo` entity (<see cref="StreamInfoEntity"/>).
/// </summary>
public sealed record StreamChannelData(string StreamType, int? StreamSequence = null, string? StreamId = null);

/// <summary>Teams' streaming metadata, the same fields as <see cref="StreamChannelData"/>, as an entity.</summary>
public sealed record StreamInfoEntity(string StreamType, int? StreamSequence = null, string? StreamId = null) : Entity;

public static class StreamTypes
{
    public const string Streaming = "streaming";
    public const string Final = "final";
}
