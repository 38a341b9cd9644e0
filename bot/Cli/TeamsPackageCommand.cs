using System.CommandLine;
using SummitBot.Hosting;
using SummitBot.Protocol.Auth;
using SummitBot.Teams;

namespace SummitBot.Cli;

/// <summary>
/// `teams-package [--output PATH] [--Key=value ...]`: writes the Teams app package for this deployment, with the
/// bot id taken from MicrosoftAppId. Configuration comes from the same places as the web host's (appsettings.json,
/// environment variables, `--Section:Key=value` arguments).
/// </summary>
internal static class TeamsPackageCommand
{
    public const int ConfigurationError = 2;

    public static Command Create()
    {
        var output = new Option<FileInfo>("--output", "-o")
        {
            Description = "Where to write the zip. Default: artifacts/teams/SummitBot.zip under the repository root.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine(RepositoryRoot.Locate(), "artifacts", "teams", "SummitBot.zip")),
        };
        var command = new Command("teams-package", "Build the Microsoft Teams app package (manifest and icons) to sideload the bot.")
        {
            output,
        };
        // Anything the command does not know is configuration, as on the web host's command line.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parseResult => Run(
            parseResult.GetValue(output)!,
            CommandHost.Configuration([.. parseResult.UnmatchedTokens]),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(FileInfo output, IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        var options = configuration.GetSection(TeamsPackageOptions.SectionName).Get<TeamsPackageOptions>() ?? new TeamsPackageOptions();
        var botId = configuration[nameof(BotAuthOptions.MicrosoftAppId)];
        var (manifest, problems) = TeamsManifest.Create(botId, configuration[TeamsManifest.PublicBaseUrlKey], options);
        if (manifest is null)
        {
            foreach (var problem in problems)
            {
                stderr.WriteLine(problem);
            }

            return ConfigurationError;
        }

        TeamsPackage.Write(output.FullName, manifest);
        stdout.WriteLine($"Wrote the Teams app package for bot {botId} to {output.FullName}.");
        stdout.WriteLine("Upload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.");
        return 0;
    }
}
