using Microsoft.Extensions.Options;

namespace SummitBot.Protocol.Auth;

/// <summary>Says at start whether inbound tokens are checked, so an unauthenticated bot is never a surprise.</summary>
internal sealed class AuthModeLog(IOptions<BotAuthOptions> options, ILogger<AuthModeLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.IsAnonymous)
        {
            logger.LogWarning(
                "No MicrosoftAppId is configured: the bot runs UNAUTHENTICATED (anonymous local mode). Requests without a token are accepted "
                + "and replies carry none. Use this only locally (Agents Playground, Emulator); set MicrosoftAppId, MicrosoftAppPassword "
                + "(and MicrosoftAppType/MicrosoftAppTenantId) before exposing the bot.");
        }
        else if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Bot Framework authentication is on for app id {AppId} ({AppType}).", settings.MicrosoftAppId, settings.AppType);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
