using System.Text.Json;
using SummitBot.Protocol.Activities;

namespace SummitBot.Protocol.Inbound;

/// <summary>Parses a request body into an activity, or says in one sentence why it is not one.</summary>
public static class ActivityReader
{
    public static (Activity? Activity, string? Problem) Read(ReadOnlySpan<byte> body)
    {
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ActivityJson.Options);
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not a JSON activity: {ex.Message}");
        }

        if (activity is null)
        {
            return (null, "The body must be a JSON object.");
        }

        return string.IsNullOrWhiteSpace(activity.Type) ? (null, "The activity has no type.") : (activity, null);
    }
}
