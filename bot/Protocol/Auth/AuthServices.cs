using Microsoft.Extensions.Options;

namespace SummitBot.Protocol.Auth;

public static class AuthServices
{
    /// <summary>The named client for OpenID metadata, signing keys and token requests.</summary>
    public const string HttpClientName = "BotAuth";

    /// <summary>The largest response the auth client buffers: 1 MiB.</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    /// <summary>Inbound token validation and outbound tokens, configured from Bot Framework's flat keys (see BotAuthOptions).</summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotAuthOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthOptions>, BotAuthOptionsValidator>();
        // A redirect would take the key or token request to a host nobody configured; and no OpenID document, key
        // set or token response comes near a megabyte, so a larger body is refused rather than buffered.
        services.AddHttpClient(HttpClientName, client =>
            {
                client.Timeout = TimeSpan.FromSeconds(30);
                client.MaxResponseContentBufferSize = MaxResponseBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        services.AddSingleton<IInboundAuthenticator, BotFrameworkAuthenticator>();
        services.AddSingleton<IOutboundTokenProvider>(provider =>
            provider.GetRequiredService<IOptions<BotAuthOptions>>().Value.AppType == BotAppType.UserAssignedMSI
                ? ActivatorUtilities.CreateInstance<ManagedIdentityTokenProvider>(provider)
                : ActivatorUtilities.CreateInstance<MsalTokenProvider>(provider));
        services.AddHostedService<AuthModeLog>();
        return services;
    }
}
