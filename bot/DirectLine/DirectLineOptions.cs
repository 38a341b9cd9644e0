using System.ComponentModel.DataAnnotations;

namespace SummitBot.DirectLine;

/// <summary>The bot's own Direct Line 3.0 (section "DirectLine"), which the chat page and other Direct Line clients use.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>How long a conversation token lasts before it must be refreshed. Default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Conversations held at once; past it the least recently active is forgotten. Default 10000.</summary>
    [Range(1, 10_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Activities kept per conversation for clients to read; the oldest go first. Default 200.</summary>
    [Range(10, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 200;
}
