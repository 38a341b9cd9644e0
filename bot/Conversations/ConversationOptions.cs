using System.ComponentModel.DataAnnotations;

namespace SummitBot.Conversations;

/// <summary>Limits of turn handling and of the remembered conversation state ("Conversations" in appsettings.json).</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>
    /// Questions the articles answer, offered as buttons (suggested actions, where the channel shows them): the
    /// first three on joining, then after every answer, greeting and help the first three this conversation has
    /// not asked yet. A new corpus sets its own; every one should be answerable (a test asks the shipped ones).
    /// Default: none (the shipped appsettings.json lists eight about the summit; a list bound from configuration
    /// is added to, not replaced, so the default stays empty).
    /// </summary>
    public IReadOnlyList<string> SuggestedQuestions { get; set; } = [];

    /// <summary>Earlier turns kept per conversation and handed to the answer step. Default 5.</summary>
    [Range(0, 100)]
    public int MaxTurns { get; set; } = 5;

    /// <summary>Characters of questions and answers kept per conversation; the oldest turns go first. Default 8000.</summary>
    [Range(1, 1_000_000)]
    public int MaxHistoryCharacters { get; set; } = 8000;

    /// <summary>Turns older than this are forgotten. Default one hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan MaxTurnAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Conversations remembered at once; the least recently active is forgotten first. Default 10000.</summary>
    [Range(1, 10_000_000)]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>
    /// Estimated bytes of all remembered conversations together (their keys and text as UTF-16, plus a fixed
    /// overhead each); beyond it the least recently active are forgotten first. Default 64 MiB: a caller who varies
    /// conversation ids cannot make the store hold more, whatever the size of each.
    /// </summary>
    [Range(typeof(long), "65536", "68719476736")]
    public long MaxStoreBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Feedback entries kept; the oldest go first. Default 1000.</summary>
    [Range(1, 10_000_000)]
    public int MaxFeedbackEntries { get; set; } = 1000;

    /// <summary>
    /// With a chat model, on channels that show an answer as it is written: how often the draft is updated. Default
    /// one second, the rate Teams' streaming allows; 0 sends every piece the model writes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan DraftInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Characters of a user's feedback text that are kept. Default 2000.</summary>
    [Range(1, 100_000)]
    public int MaxFeedbackCharacters { get; set; } = 2000;
}
