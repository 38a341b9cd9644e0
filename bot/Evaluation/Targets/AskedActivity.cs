using System.Globalization;
using SummitBot.Protocol.Activities;

namespace SummitBot.Evaluation.Targets;

/// <summary>A question as eval puts it to the bot: the evaluator's message in a conversation of its own, answered in the response (expectReplies).</summary>
public static class AskedActivity
{
    public static Activity For(string conversationId, string channelId, string question, string? serviceUrl = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        Timestamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        From = new ChannelAccount { Id = conversationId + "-user", Name = "Evaluator", Role = "user" },
        Recipient = new ChannelAccount { Id = "summitbot", Role = "bot" },
        Conversation = new ConversationAccount { Id = conversationId },
        Text = question,
        TextFormat = TextFormats.Plain,
        Locale = "en-US",
        DeliveryMode = DeliveryModes.ExpectReplies,
    };
}
