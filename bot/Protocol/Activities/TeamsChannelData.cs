namespace SummitBot.Protocol.Activities;

/// <summary>The `channelData` a reply sends to Teams: it turns on the thumbs-up/down feedback buttons.</summary>
public sealed record TeamsChannelData(FeedbackLoop FeedbackLoop);

/// <param name="Type">`default` shows Teams' own feedback form; `custom` would ask the bot for a dialog first.</param>
public sealed record FeedbackLoop(string Type)
{
    public static FeedbackLoop Default { get; } = new("default");
}
