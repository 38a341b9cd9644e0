using SummitBot.Protocol.Activities;

namespace SummitBot.DirectLine;

/// <summary>What polling returns and each stream frame holds: activities, and the watermark to read on from.</summary>
/// <param name="Watermark">Null in a stream frame that holds only passing activities (nothing new to resume after).</param>
public sealed record ActivitySet(IReadOnlyList<Activity> Activities, string? Watermark);

/// <summary>A conversation as `POST /conversations` and `GET /conversations/{id}` describe it.</summary>
public sealed record ConversationStarted(
    [property: System.Text.Json.Serialization.JsonPropertyName("conversationId")] string ConversationId,
    [property: System.Text.Json.Serialization.JsonPropertyName("token")] string Token,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("streamUrl")] string StreamUrl);

/// <summary>What posting an activity returns: the id the echo got.</summary>
public sealed record ResourceResponse(string Id);
