using System.Text.Json;
using SummitBot.Conversations.Feedback;
using SummitBot.Protocol.Activities;

namespace SummitBot.Protocol.Turns;

/// <summary>
/// Reads Teams' feedback submission: invoke `message/submitAction` with value
/// `{"actionName":"feedback","actionValue":{"reaction":"like","feedback":"{\"feedbackText\":\"…\"}"}}`,
/// where `feedback` is JSON inside a string, and replyToId names the rated message.
/// </summary>
public static class FeedbackInvoke
{
    public const string Name = "message/submitAction";

    // The only reactions Teams sends; anything else is refused rather than stored as the caller wrote it.
    private const string Like = "like";
    private const string Dislike = "dislike";

    /// <returns>The feedback, or null when the value is not a feedback submission.</returns>
    public static UserFeedback? Read(Activity activity, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !string.Equals(StringOf(value, "actionName"), "feedback", StringComparison.OrdinalIgnoreCase)
            || !value.TryGetProperty("actionValue", out var action)
            || action.ValueKind != JsonValueKind.Object
            || StringOf(action, "reaction") is not { } reaction
            || reaction is not (Like or Dislike))
        {
            return null;
        }

        return new UserFeedback(
            ActivityMapping.ConversationOf(activity),
            activity.ReplyToId,
            reaction,
            FeedbackText(action),
            activity.From?.Id,
            receivedAt);
    }

    private static string? FeedbackText(JsonElement action)
    {
        if (!action.TryGetProperty("feedback", out var feedback))
        {
            return null;
        }

        if (feedback.ValueKind == JsonValueKind.Object)
        {
            return NonEmpty(StringOf(feedback, "feedbackText"));
        }

        if (feedback.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var raw = feedback.GetString();
        try
        {
            using var inner = JsonDocument.Parse(raw ?? string.Empty);
            return inner.RootElement.ValueKind == JsonValueKind.Object ? NonEmpty(StringOf(inner.RootElement, "feedbackText")) : NonEmpty(raw);
        }
        catch (JsonException)
        {
            // Not the documented JSON-in-a-string: keep what the user wrote rather than lose it.
            return NonEmpty(raw);
        }
    }

    private static string? StringOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
