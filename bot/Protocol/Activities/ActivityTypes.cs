namespace SummitBot.Protocol.Activities;

/// <summary>The activity types and field values this bot acts on. Compared ordinally (spec A2011).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string EndOfConversation = "endOfConversation";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string Event = "event";
}

public static class DeliveryModes
{
    public const string ExpectReplies = "expectReplies";
}

public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
}

public static class TextFormats
{
    public const string Markdown = "markdown";

    /// <summary>Drafts: a model's unchecked text, with markers and all, shown as it is.</summary>
    public const string Plain = "plain";
}

public static class ChannelIds
{
    public const string MsTeams = "msteams";
    public const string DirectLine = "directline";
    public const string WebChat = "webchat";
    public const string Emulator = "emulator";
}
