namespace SummitBot.WebChat;

/// <summary>The chat page at / (section "ChatPage").</summary>
public sealed class ChatPageOptions
{
    public const string Section = "ChatPage";

    /// <summary>The page's title and heading. Default "SummitBot".</summary>
    public string Title { get; set; } = "SummitBot";

    /// <summary>One or two sentences under the title on what the bot covers. Empty (the default): said from Answering:Topic.</summary>
    public string? Description { get; set; }
}
