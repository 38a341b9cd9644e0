using System.Text.Json;
using SummitBot.Evaluation.Scripts;

namespace SummitBot.Evaluation.Transcripts;

/// <summary>
/// Reads a Bot Framework <c>.transcript</c> (a JSON array of activities, or an object with a <c>transcript</c>
/// array) into one case: each message not from the bot is a turn, and the bot's messages that follow it, up
/// to the next one, are what it must say again.
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
        var turns = new List<(string Ask, List<string> Replies)>();
        var index = 0;
        foreach (var activity in activities.EnumerateArray())
        {
            index++;
            if (activity.ValueKind != JsonValueKind.Object || !IsMessage(activity))
            {
                continue;
            }

            var text = StringProperty(activity, "text");
            if (!IsFromBot(activity))
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
                turns[^1].Replies.Add(text ?? string.Empty);
            }
        }

        return [.. turns.Select(t => new EvalTurn(t.Ask, new RecordedReplies(t.Replies)))];
    }

    private static bool IsMessage(JsonElement activity) =>
        string.Equals(StringProperty(activity, "type"), "message", StringComparison.OrdinalIgnoreCase);

    private static bool IsFromBot(JsonElement activity) =>
        activity.TryGetProperty("from", out var from)
        && from.ValueKind == JsonValueKind.Object
        && string.Equals(StringProperty(from, "role"), "bot", StringComparison.OrdinalIgnoreCase);

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
