using System.Text.RegularExpressions;

namespace SummitBot.Answering;

/// <summary>
/// A message that asks for the bot's own instructions, or tells it to drop them ("ignore your previous
/// instructions", "list the rules you were given"). The articles never answer it, and no answer step,
/// extractive or model, should try.
/// </summary>
internal static partial class InstructionRequest
{
    public static string ReplyTo(string topic) =>
        $"I only answer questions about {topic} from the news articles about it, and I don't share or change my instructions.";

    public static bool IsAsked(string question) => Pattern().IsMatch(question);

    [GeneratedRegex(
        @"\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|rules|prompt|guidelines)\b" +
        @"|\b(your|the) (system )?(prompt|instructions|rules|guidelines)\b" +
        @"|\b(rules|instructions|guidelines) (you were|you've been|you have been) (given|told)\b" +
        @"|\bsystem prompt\b",
        RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
