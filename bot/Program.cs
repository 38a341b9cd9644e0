using SummitBot.Cli;
using SummitBot.Hosting;

// `dotnet run --project bot -- ask "…"` (and the other commands) run once and exit;
// with no command the bot serves its web endpoints until stopped.
if (CommandLine.Handles(args))
{
    return await CommandLine.RunAsync(args);
}

await BotApplication.Build(args).RunAsync();
return 0;
