using SummitBot.Hosting;

namespace SummitBot.Cli;

/// <summary>
/// The services a one-shot command runs on: the same core registration as the bot, configured from the same
/// appsettings.json. A command's stdout is its output, so every log line goes to stderr.
/// </summary>
internal static class CliHost
{
    /// <param name="addCommandServices">What the command adds to the core services.</param>
    /// <param name="overrideServices">Lets tests replace a service, as with the web host.</param>
    public static IHost Build(Action<IServiceCollection, IConfiguration> addCommandServices, Action<IServiceCollection>? overrideServices)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = RepositoryRoot.Locate(),
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        // A line per HTTP request would bury a command's own messages on stderr; failures still show.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);

        builder.Services.AddSummitBotCore(builder.Configuration, builder.Environment.ContentRootPath);
        addCommandServices(builder.Services, builder.Configuration);
        overrideServices?.Invoke(builder.Services);
        return builder.Build();
    }
}
