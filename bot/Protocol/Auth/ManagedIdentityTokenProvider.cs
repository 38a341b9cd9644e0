using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace SummitBot.Protocol.Auth;

/// <summary>
/// Tokens for the Bot Connector from the Azure host's managed identity (MicrosoftAppType UserAssignedMSI): MSAL
/// finds the host's identity endpoint (App Service, Functions, Container Apps, VMs) and caches the token.
/// </summary>
internal sealed class ManagedIdentityTokenProvider : IOutboundTokenProvider
{
    private readonly IManagedIdentityApplication _app;

    public ManagedIdentityTokenProvider(IOptions<BotAuthOptions> options, IHttpClientFactory httpClientFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _app = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(options.Value.MicrosoftAppId))
            .WithHttpClientFactory(new MsalHttpClientFactory(httpClientFactory))
            .Build();
    }

    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var result = await _app.AcquireTokenForManagedIdentity(BotAuthOptions.ChannelIssuer)
            .WithForceRefresh(forceRefresh)
            .ExecuteAsync(cancellationToken)
            .ConfigureAwait(false);
        return result.AccessToken;
    }
}
