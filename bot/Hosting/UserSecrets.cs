using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace SummitBot.Hosting;

/// <summary>
/// User secrets in every environment, not only Development as the host's defaults have it: staff run the bot
/// with `dotnet run --project bot`, whose environment is Production, and their model key belongs in user
/// secrets rather than in their shell. As in Development, secrets rank above appsettings.json and below the
/// environment and the command line; a machine with no secrets file reads nothing.
/// </summary>
internal static class UserSecrets
{
    public static void AddBelowTheEnvironment(IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Sources.Any(s => s is JsonConfigurationSource { Path: "secrets.json" }))
        {
            return; // Development: the host has added them already
        }

        var secrets = new ConfigurationBuilder().AddUserSecrets(typeof(UserSecrets).Assembly, optional: true, reloadOnChange: false).Sources[0];
        // The last unprefixed environment source is the application's; the DOTNET_ and ASPNETCORE_ ones before the
        // JSON files are the host's own.
        var environment = configuration.Sources.ToList().FindLastIndex(s => s is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        configuration.Sources.Insert(environment < 0 ? configuration.Sources.Count : environment, secrets);
    }
}
