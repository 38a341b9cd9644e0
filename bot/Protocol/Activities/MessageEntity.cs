using System.Text.Json.Serialization;

namespace SummitBot.Protocol.Activities;

/// <summary>
/// The schema.org root entity that carries Teams' AI-generated label and the citations behind the [n] markers.
/// A message may hold only one of these.
/// </summary>
public sealed record MessageEntity : Entity
{
    public const string AiGeneratedContent = "AIGeneratedContent";

    [JsonPropertyName("@type")]
    public string SchemaType { get; init; } = "Message";

    [JsonPropertyName("@context")]
    public string Context { get; init; } = "https://schema.org";

    [JsonPropertyName("@id")]
    public string SchemaId { get; init; } = "";

    public IReadOnlyList<string>? AdditionalType { get; init; }

    public IReadOnlyList<Claim>? Citation { get; init; }

    /// <summary>What the reader may do with the message: Web Chat's thumbs (<see cref="Replies.WebChatFeedback"/>).</summary>
    public IReadOnlyList<Replies.RatingAction>? PotentialAction { get; init; }
}

/// <param name="Position">The n of the text's [n] marker.</param>
public sealed record Claim(int Position, DigitalDocument Appearance)
{
    [JsonPropertyName("@type")]
    public string SchemaType { get; init; } = "Claim";

    /// <summary>`cite:n`, the address of the text's link definition for [n] (Web Chat); null for Teams.</summary>
    [JsonPropertyName("@id")]
    public string? Id { get; init; }

    /// <summary>The cited article's address when <see cref="DigitalDocument.Url"/> is left empty (Web Chat opens no excerpt for a document with one).</summary>
    public string? Url { get; init; }
}

/// <param name="Name">At most 80 characters (Teams rejects longer).</param>
/// <param name="Url">The cited article's address; Teams links the citation to it.</param>
/// <param name="Abstract">At most 160 characters: Teams' hover card.</param>
public sealed record DigitalDocument(string Name, string? Url, string? Abstract)
{
    [JsonPropertyName("@type")]
    public string SchemaType { get; init; } = "DigitalDocument";

    /// <summary>Markdown Web Chat shows when the citation is opened: the excerpt and a link to its article.</summary>
    public string? Text { get; init; }
}
