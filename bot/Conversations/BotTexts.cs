using System.Globalization;

namespace SummitBot.Conversations;

/// <summary>Everything the bot says on its own (not answers): one place to read and edit its voice.</summary>
public static class BotTexts
{
    /// <param name="topic">What the articles are about (<c>Answering:Topic</c>).</param>
    public static string Help(string topic) =>
        $"Ask me anything about {topic}, and I'll answer from the " +
        "news articles, with [n] markers pointing at the articles each part comes from. You can follow up " +
        "on an answer (\"when did he take office?\").\n\n" +
        "Commands:\n\n" +
        "- **help**: this message\n" +
        "- **sources**: the articles I answer from\n" +
        "- **reset** or **start over**: forget this conversation";

    public static string Greeting(string topic) =>
        $"Hello! Ask me anything about {topic}. Type **help** for what else I can do.";

    public const string YouAreWelcome = "You're welcome. Ask me anything else about it.";

    public const string SourcesIntro = "I answer from these articles:";

    public const string Reset = "Done: I've forgotten our conversation. Ask me anything about the articles.";

    public const string AnswerFailed =
        "Sorry, I couldn't answer that just now. Please try again in a moment.";

    public const string TookTooLong =
        "Sorry, that took too long to answer. Please try again, or ask a shorter question.";

    public static string WelcomeFor(string? name, string topic) =>
        $"Hi{(string.IsNullOrWhiteSpace(name) ? string.Empty : " " + name.Trim())}! I answer questions about " +
        $"{topic}, citing the news articles I draw on.";

    public static string TooLong(int length, int maxLength) => string.Format(
        CultureInfo.InvariantCulture,
        "That message is {0:N0} characters long, and I can take questions of up to {1:N0}. Could you ask it more briefly?",
        length,
        maxLength);
}
