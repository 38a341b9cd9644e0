using System.CommandLine;

namespace SummitBot.Cli;

internal static class AskCommand
{
    public static Command Create() => new("ask", "Answer one question from the articles, with its sources.");
}
