namespace SummitBot.Conversations;

/// <summary>The few words the bot treats as commands rather than questions.</summary>
public enum BotCommand
{
    Help,
    Sources,
    Reset,
}

public static class BotCommands
{
    private static readonly Dictionary<string, BotCommand> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["help"] = BotCommand.Help,
        ["what can you do"] = BotCommand.Help,
        ["what do you do"] = BotCommand.Help,
        ["what can i ask"] = BotCommand.Help,
        ["what can i ask you"] = BotCommand.Help,
        ["how does this work"] = BotCommand.Help,
        ["sources"] = BotCommand.Sources,
        ["reset"] = BotCommand.Reset,
        ["start over"] = BotCommand.Reset,
    };

    /// <summary>Accepts the command alone, in any case, with a leading slash or trailing punctuation ("/help", "Reset.").</summary>
    public static bool TryParse(string text, out BotCommand command)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = text.Trim().TrimStart('/').TrimEnd('.', '!', '?').Trim();
        return Words.TryGetValue(word, out command);
    }
}
