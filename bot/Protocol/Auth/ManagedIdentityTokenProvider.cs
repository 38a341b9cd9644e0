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
    private readonly string _audience;

    public ManagedIdentityTokenProvider(IOptions<BotAuthOptions> options, IHttpClientFactory httpClientFactory)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)), httpClientFactory, BotAuthOptions.ChannelIssuer)
    {
    }

    /// <param name="audience">Whom the tokens are for: the Bot Connector, or the bot's own app id.</param>
    internal ManagedIdentityTokenProvider(BotAuthOptions settings, IHttpClientFactory httpClientFactory, string audience)
    {
        _audience = audience;
        _app = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(settings.MicrosoftAppId))
            .WithHttpClientFactory(new MsalHttpClientFactory(httpClientFactory))
            .Build();
    }

    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var result = await _app.AcquireTokenForManagedIdentity(_audience)
            .WithForceRefresh(forceRefresh)
            .ExecuteAsync(cancellationToken)
            .ConfigureAwait(false);
        return result.AccessToken;
    }
}
