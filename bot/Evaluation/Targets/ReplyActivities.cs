using System.Text.Json;
using System.Text.Json.Nodes;

namespace SummitBot.Evaluation.Targets;

/// <summary>
/// Reads an expectReplies response, <c>{"activities":[...]}</c>: the text of each message, and the cited
/// articles from the <c>https://schema.org/Message</c> entity's claims. Over the wire a refusal is a reply
/// that cites nothing.
/// </summary>
public static class ReplyActivities
{
    private const string MessageEntity = "https://schema.org/Message";

    public static BotReply Read(string body, ArticleCatalog articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the bot's response is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var messages = new List<ReplyMessage>();
            var raw = new List<JsonObject>();
            var cited = new List<string>();
            var root = document.RootElement;
            var activities = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("activities", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(IsMessage)
                : [];
            foreach (var activity in activities)
            {
                messages.Add(Message(activity));
                raw.Add(JsonNode.Parse(activity.GetRawText())!.AsObject());
                cited.AddRange(Citations(activity, articles));
            }

            if (messages.Count == 0)
            {
                throw new InvalidDataException("the bot sent no message in reply; does it honour deliveryMode expectReplies?");
            }

            var distinct = cited.Distinct(StringComparer.Ordinal).ToList();
            return new BotReply(messages, Grounded: distinct.Count > 0, distinct) { Activities = raw };
        }
    }

    /// <summary>A message activity's answer text, the titles of its suggested actions and its attachments' content types.</summary>
    public static ReplyMessage Message(JsonElement activity)
    {
        var actions = activity.TryGetProperty("suggestedActions", out var suggested) && suggested.ValueKind == JsonValueKind.Object
            && suggested.TryGetProperty("actions", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Select(a => String(a, "title") ?? String(a, "value") ?? "").ToList()
                : [];
        var attachments = activity.TryGetProperty("attachments", out var attached) && attached.ValueKind == JsonValueKind.Array
            ? attached.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Select(a => String(a, "contentType") ?? "").ToList()
            : [];
        return new ReplyMessage(AnswerText(String(activity, "text") ?? string.Empty), actions, attachments);
    }

    /// <summary>
    /// The answer without the source list or link definitions channels get appended: they name article titles,
    /// which would otherwise satisfy (or break) phrase checks that are about the answer. Cited articles are read
    /// from the citation entity instead. Recorded transcripts are read the same way, so both sides compare alike.
    /// </summary>
    public static string AnswerText(string text)
    {
        var sources = text.LastIndexOf(Protocol.Replies.AnswerActivity.SourcesHeading, StringComparison.Ordinal);
        var definitions = text.IndexOf("\n\n[1]: " + Protocol.Replies.WebChatCitations.Scheme, StringComparison.Ordinal);
        var end = new[] { sources, definitions }.Where(i => i >= 0).DefaultIfEmpty(text.Length).Min();
        return text[..end];
    }

    private static bool IsMessage(JsonElement activity) =>
        activity.ValueKind == JsonValueKind.Object && string.Equals(String(activity, "type"), "message", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Citations(JsonElement activity, ArticleCatalog articles)
    {
        if (!activity.TryGetProperty("entities", out var entities) || entities.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var entity in entities.EnumerateArray())
        {
            if (entity.ValueKind != JsonValueKind.Object
                || String(entity, "type") != MessageEntity
                || !entity.TryGetProperty("citation", out var claims)
                || claims.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var claim in claims.EnumerateArray())
            {
                var appearance = claim.ValueKind == JsonValueKind.Object && claim.TryGetProperty("appearance", out var a) && a.ValueKind == JsonValueKind.Object
                    ? a
                    : (JsonElement?)null;
                // Teams' shape links the document; Web Chat's links the claim, leaving the document to show its excerpt.
                var url = (claim.ValueKind == JsonValueKind.Object ? String(claim, "url") : null) ?? (appearance is { } found ? String(found, "url") : null);
                var name = appearance is { } named ? String(named, "name") : null;
                yield return (url is null ? null : articles.IdForUrl(url)) ?? url ?? name ?? "(a citation without an address)";
            }
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
