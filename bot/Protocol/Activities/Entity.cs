using System.Text.Json.Serialization;

namespace SummitBot.Protocol.Activities;

/// <summary>
/// An entry of an activity's `entities`. The JSON `type` picks the record; entities of any other type read
/// as a bare <see cref="Entity"/> and are ignored (spec A2104).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(MentionEntity), EntityTypes.Mention)]
[JsonDerivedType(typeof(MessageEntity), EntityTypes.SchemaOrgMessage)]
[JsonDerivedType(typeof(StreamInfoEntity), EntityTypes.StreamInfo)]
public record Entity
{
    /// <summary>
    /// The fields of an entity type this bot does not model (Web Chat's ClientCapabilities, a feedback vote), kept so
    /// they can be read and echoed back as they came.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Fields { get; init; }
}

public static class EntityTypes
{
    public const string Mention = "mention";
    public const string SchemaOrgMessage = "https://schema.org/Message";
    public const string StreamInfo = "streaminfo";
}

/// <summary>An @mention inside the text: <see cref="Text"/> is the exact markup, such as `&lt;at&gt;SummitBot&lt;/at&gt;`.</summary>
public sealed record MentionEntity : Entity
{
    public ChannelAccount? Mentioned { get; init; }

    public string? Text { get; init; }
}
