using System.Text.Json;
using System.Text.Json.Serialization;
using SummitBot.Conversations.Feedback;
using SummitBot.Protocol.Activities;
using SummitBot.Protocol.Turns;

namespace SummitBot.Protocol.Replies;

/// <summary>
/// Web Chat's thumbs up and down. It shows them under a message whose schema.org Message entity offers a LikeAction
/// and a DislikeAction (`potentialAction`), and on a click posts the chosen action back as the only entity of an event
/// named <see cref="EventName"/>, without a replyToId: so each action names the rated message itself (`object`).
/// </summary>
public static class WebChatFeedback
{
    public const string EventName = "webchat:activity-status/feedback";

    private const string Like = "LikeAction";
    private const string Dislike = "DislikeAction";

    /// <summary>An AI-generated answer, given the id it is sent with, offering the vote; any other activity as it is.</summary>
    public static Activity Offer(Activity activity, string id)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Entities is not { Count: > 0 } entities
            || entities.OfType<MessageEntity>().FirstOrDefault() is not { } message
            || message.AdditionalType?.Contains(MessageEntity.AiGeneratedContent) != true)
        {
            return activity;
        }

        var offered = message with { PotentialAction = [new RatingAction(Like, new RatedMessage(id)), new RatingAction(Dislike, new RatedMessage(id))] };
        return activity with { Entities = [.. entities.Select(e => ReferenceEquals(e, message) ? offered : e)] };
    }

    /// <returns>The feedback an event carries, or null when it is not a Web Chat vote that names a message.</returns>
    public static UserFeedback? Read(Activity activity, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type != ActivityTypes.Event || activity.Name != EventName)
        {
            return null;
        }

        foreach (var fields in (activity.Entities ?? []).Select(e => e.Fields).OfType<Dictionary<string, JsonElement>>())
        {
            var reaction = StringOf(fields, "@type") switch
            {
                Like => "like",
                Dislike => "dislike",
                _ => null,
            };
            if (reaction is not null
                && fields.TryGetValue("object", out var rated)
                && rated.ValueKind == JsonValueKind.Object
                && rated.TryGetProperty("@id", out var ratedId)
                && ratedId.ValueKind == JsonValueKind.String
                && ratedId.GetString() is { Length: > 0 } messageId)
            {
                return new UserFeedback(ActivityMapping.ConversationOf(activity), messageId, reaction, Text: null, activity.From?.Id, receivedAt);
            }
        }

        return null;
    }

    private static string? StringOf(Dictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A schema.org LikeAction or DislikeAction on the message it rates.</summary>
public sealed record RatingAction([property: JsonPropertyName("@type")] string SchemaType, [property: JsonPropertyName("object")] RatedMessage Rated);

/// <param name="Id">The rated activity's id.</param>
public sealed record RatedMessage([property: JsonPropertyName("@id")] string Id);
