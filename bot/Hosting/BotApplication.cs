using SummitBot.Api;
using SummitBot.DirectLine;
using SummitBot.Health;
using SummitBot.Protocol;
using SummitBot.Protocol.Auth;
using SummitBot.State;
using SummitBot.Telemetry;
using SummitBot.WebChat;

namespace SummitBot.Hosting;

/// <summary>The web host, as a recipe. Program.cs runs it; tests start the same app on 127.0.0.1 port 0.</summary>
public static class BotApplication
{
    /// <summary>
    /// The address a newcomer gets when ASPNETCORE_URLS, --urls and Urls are all unset, and so are ASPNETCORE_HTTP_PORTS
    /// and ASPNETCORE_HTTPS_PORTS (which the official container images set: 8080, on every interface).
    /// </summary>
    public const string DefaultUrl = "http://localhost:3978";

    /// <param name="args">Command-line arguments; any `--Section:Key=value` overrides configuration.</param>
    /// <param name="overrideServices">Lets tests replace a service (a fake channel, a slow answer step).</param>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = RepositoryRoot.Locate(),
        });
        UserSecrets.AddBelowTheEnvironment(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpsPortsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddSummitBotCore(builder.Configuration);
        builder.Services.AddHostedService<KnowledgeBaseWarmup>();
        builder.Services.AddBotAuthentication(builder.Configuration);
        builder.Services.AddState(builder.Configuration);
        builder.Services.AddBotProtocol(builder.Configuration);
        builder.Services.AddDirectLine(builder.Configuration);
        builder.Services.AddChatPage(builder.Configuration);
        builder.Services.AddSummitBotHealth(ChatModelServices.IsConfigured(builder.Configuration));
        builder.Services.AddBotTelemetry(builder.Configuration);
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        if (app.Services.GetRequiredService<DataFolder>() is { MovedOut: true } data)
        {
            app.Logger.LogWarning("The install folder {Install} cannot be written: the index and the state database are kept in {Data} (set {Key} to choose)", data.InstallFolder, data.Path, DataFolder.Key);
        }

        app.UseProxyHeaders();
        app.UseSecurityHeaders();
        app.UseCors();
        app.UseRateLimiter();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.MapHealth();
        app.MapArticlesApi();
        app.MapChatPage();
        app.MapWebChatBundle();
        app.MapAskApi();
        app.MapBotMessages();
        app.MapDirectLineApi();
        return app;
    }
}
