using System.CommandLine;

namespace SummitBot.Cli;

/// <summary>The bot's one-shot commands. Anything else on the command line goes to the web host.</summary>
public static class CommandLine
{
    private static readonly Func<Command>[] Commands =
    [
        AskCommand.Create,
        IndexCommand.Create,
        EvalCommand.Create,
        TeamsPackageCommand.Create,
        FeedbackCommand.Create,
    ];

    public static bool Handles(string[] args) =>
        args.Length > 0 && Commands.Any(create => create().Name == args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("SummitBot: cited answers about the 2025 Lee–Ishiba Tokyo summit.");
        foreach (var create in Commands)
        {
            root.Subcommands.Add(create());
        }

        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
