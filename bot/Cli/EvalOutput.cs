using Spectre.Console;

namespace SummitBot.Cli;

/// <summary>Where eval writes: the report to <see cref="Out"/>, problems to <see cref="Error"/>.</summary>
/// <param name="ShowProgressBar">True only on a terminal; redirected output gets one plain line per case.</param>
internal sealed record EvalOutput(IAnsiConsole Out, TextWriter Error, bool ShowProgressBar)
{
    /// <summary>Width of the table when stdout is a file or a pipe, where there is no window to fit.</summary>
    private const int RedirectedWidth = 160;

    public static EvalOutput Standard() => Console.IsOutputRedirected
        ? Plain(Console.Out, Console.Error)
        : new EvalOutput(AnsiConsole.Console, Console.Error, ShowProgressBar: true);

    /// <summary>For CI logs and files: no colour codes, no cursor movement, no progress bar.</summary>
    public static EvalOutput Plain(TextWriter output, TextWriter error)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = RedirectedWidth;
        return new EvalOutput(console, error, ShowProgressBar: false);
    }
}
