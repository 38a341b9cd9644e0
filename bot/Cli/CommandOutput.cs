using Spectre.Console;

namespace SummitBot.Cli;

/// <summary>Where a command (eval, index) writes: its report to <see cref="Out"/>, problems to <see cref="Error"/>.</summary>
/// <param name="ShowProgressBar">True only on a terminal; redirected output gets plain lines.</param>
internal sealed record CommandOutput(IAnsiConsole Out, TextWriter Error, bool ShowProgressBar)
{
    /// <summary>Width of the table when stdout is a file or a pipe, where there is no window to fit.</summary>
    private const int RedirectedWidth = 160;

    public static CommandOutput Standard() => Console.IsOutputRedirected
        ? Plain(Console.Out, Console.Error)
        : new CommandOutput(AnsiConsole.Console, Console.Error, ShowProgressBar: true);

    /// <summary>For CI logs and files: no colour codes, no cursor movement, no progress bar.</summary>
    public static CommandOutput Plain(TextWriter output, TextWriter error)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = RedirectedWidth;
        return new CommandOutput(console, error, ShowProgressBar: false);
    }
}
