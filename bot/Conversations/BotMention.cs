namespace SummitBot.Conversations;

/// <summary>
/// Removes the bot's own @mention from a message. Mentions come from the channel's mention data, never from
/// parsing the text, so a user typing "&lt;at&gt;" or mentioning someone else changes nothing.
/// </summary>
public static class BotMention
{
    /// <returns>The text without the bot's mentions, trimmed, and whether the bot was mentioned at all.</returns>
    public static (string Text, bool Mentioned) Strip(string text, IReadOnlyList<Mention> mentions, string? botId)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        if (string.IsNullOrEmpty(botId))
        {
            return (text.Trim(), false);
        }

        var mentioned = false;
        foreach (var mention in mentions)
        {
            if (!string.Equals(mention.Id, botId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            mentioned = true;
            var markup = mention.Text ?? (mention.Name is null ? null : $"<at>{mention.Name}</at>");
            if (!string.IsNullOrEmpty(markup))
            {
                text = text.Replace(markup, string.Empty, StringComparison.OrdinalIgnoreCase);
            }
        }

        return (text.Trim(), mentioned);
    }
}
