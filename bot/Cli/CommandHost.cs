using SummitBot.Hosting;

namespace SummitBot.Cli;

/// <summary>
/// The services a one-shot command needs, configured exactly as the web host is (same appsettings.json,
/// same environment variables), with logging kept off standard output so `--json` stays parseable.
/// </summary>
internal static class CommandHost
{
    /// <param name="addServices">What a command adds to the core services (and tests replace).</param>
    /// <param name="args">`--Section:Key=value` overrides of configuration.</param>
    public static IHost Build(Action<IServiceCollection, IConfiguration>? addServices = null, string[]? args = null)
    {
        var builder = Builder(args ?? []);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter(category: null, LogLevel.Warning);   // over appsettings' Information: a command's output is its answer
        builder.Services.AddSummitBotCore(builder.Configuration);
        addServices?.Invoke(builder.Services, builder.Configuration);
        return builder.Build();
    }

    /// <summary>The configuration alone, for a command that needs no services; `--Section:Key=value` arguments override it.</summary>
    public static IConfiguration Configuration(string[] args) => Builder(args).Configuration;

    private static HostApplicationBuilder Builder(string[] args)
    {
        // A command runs once: watching appsettings.json for changes would only cost its start a file watcher.
        var configuration = new ConfigurationManager();
        configuration["hostBuilder:reloadConfigOnChange"] = "false";
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { ContentRootPath = RepositoryRoot.Locate(), Args = args, Configuration = configuration });
        UserSecrets.AddBelowTheEnvironment(builder.Configuration);
        return builder;
    }
}
