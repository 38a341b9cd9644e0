using SummitBot.Hosting;

namespace SummitBot.WebChat;

/// <summary>Once the bot listens, says where to chat and how to try it as Teams would: the first thing a newcomer looks for.</summary>
internal sealed class WhereToChatLog(IHostApplicationLifetime lifetime, PublicAddress address, ILogger<WhereToChatLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var page = address.Base;
            logger.LogInformation(
                "Chat with the bot at {Page} . To try it as Teams shows it: npx @microsoft/m365agentsplayground -e {Messages} -c msteams",
                page.AbsoluteUri,
                new Uri(page, "/api/messages").AbsoluteUri);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
