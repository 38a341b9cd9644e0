using System.Text.Json;
using SummitBot.Evaluation.Scripts;
using SummitBot.Evaluation.Targets;

namespace SummitBot.Evaluation.Transcripts;

/// <summary>
/// Reads a Bot Framework <c>.transcript</c> (a JSON array of activities, or an object with a <c>transcript</c>
/// array: the Emulator's, a Web Chat or Direct Line log, or eval --record's) into one case: each message not from
/// the bot is a turn, and the bot's messages that follow it, up to the next one, are what it must say again.
/// </summary>
public static class TranscriptLoader
{
    public const string Extension = ".transcript";

    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <param name="errors">Receives every problem found; the result is null when any was found.</param>
    public static EvalSuite? Load(string file, string json, ICollection<ScriptError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Lenient);
        }
        catch (JsonException ex)
        {
            errors.Add(new ScriptError(file, ex.LineNumber is { } line ? checked((int)line + 1) : null, $"bad JSON: {ex.Message}"));
            return null;
        }

        using (document)
        {
            var activities = document.RootElement switch
            {
                { ValueKind: JsonValueKind.Array } array => array,
                { ValueKind: JsonValueKind.Object } root when root.TryGetProperty("transcript", out var inner) && inner.ValueKind == JsonValueKind.Array => inner,
                _ => (JsonElement?)null,
            };
            if (activities is null)
            {
                errors.Add(new ScriptError(file, null, "a transcript is a JSON array of activities, or an object with a 'transcript' array"));
                return null;
            }

            var before = errors.Count;
            var turns = ReadTurns(file, activities.Value, errors);
            if (errors.Count > before)
            {
                return null;
            }

            if (turns.Count == 0)
            {
                errors.Add(new ScriptError(file, null, "the transcript has no user messages to replay"));
                return null;
            }

            var id = Path.GetFileNameWithoutExtension(file);
            return new EvalSuite(id, file, [new EvalCase(id, id, file, null, turns)]);
        }
    }

    private static List<EvalTurn> ReadTurns(string file, JsonElement activities, ICollection<ScriptError> errors)
    {
        var turns = new List<(string Ask, List<ReplyMessage> Replies)>();
        var botIds = RepliersIn(activities);
        var index = 0;
        foreach (var activity in activities.EnumerateArray())
        {
            index++;
            if (activity.ValueKind != JsonValueKind.Object || !IsMessage(activity))
            {
                continue;
            }

            var text = StringProperty(activity, "text");
            if (!IsFromBot(activity, botIds))
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    errors.Add(new ScriptError(file, null, $"activity {index}: a user message without text cannot be replayed"));
                    continue;
                }

                turns.Add((text, []));
            }
            else if (turns.Count > 0)
            {
                // Bot messages before the first user message answered a conversationUpdate, which is not replayed.
                turns[^1].Replies.Add(ReplyActivities.Message(activity));
            }
        }

        return [.. turns.Select(t => new EvalTurn(t.Ask, new RecordedReplies(t.Replies)))];
    }

    private static bool IsMessage(JsonElement activity) =>
        string.Equals(StringProperty(activity, "type"), "message", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// By the sender's role; where a log leaves roles out (Direct Line's), the bot is whoever sent a message in reply
    /// to another, so its welcome, which replies to nothing, is still the bot's.
    /// </summary>
    private static bool IsFromBot(JsonElement activity, HashSet<string> botIds)
    {
        var from = activity.TryGetProperty("from", out var sender) && sender.ValueKind == JsonValueKind.Object ? sender : (JsonElement?)null;
        var role = from is { } f ? StringProperty(f, "role") : null;
        return role is not null
            ? string.Equals(role, "bot", StringComparison.OrdinalIgnoreCase)
            : StringProperty(activity, "replyToId") is not null || (from is { } g && StringProperty(g, "id") is { } id && botIds.Contains(id));
    }

    private static HashSet<string> RepliersIn(JsonElement activities) =>
        activities.EnumerateArray()
            .Where(a => a.ValueKind == JsonValueKind.Object && StringProperty(a, "replyToId") is not null)
            .Select(a => a.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object ? StringProperty(from, "id") : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
