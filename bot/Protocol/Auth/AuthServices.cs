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
        services.AddBotCredentials(configuration);
        services.AddOptions<BotAuthOptions>().ValidateOnStart();
        services.AddSingleton<IInboundAuthenticator, BotFrameworkAuthenticator>();
        services.AddSingleton(provider => TokensFor(provider.GetRequiredService<IOptions<BotAuthOptions>>().Value, provider.GetRequiredService<IHttpClientFactory>(), BotAuthOptions.ChannelIssuer));
        services.AddHostedService<AuthModeLog>();
        return services;
    }

    /// <summary>
    /// The bot's identity (checked when first read) and the client its token requests go through: what <c>eval</c>
    /// shares with the bot. The bot checks it at start; eval only when it needs a token.
    /// </summary>
    public static IServiceCollection AddBotCredentials(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotAuthOptions>().Bind(configuration);
        services.AddSingleton<IValidateOptions<BotAuthOptions>, BotAuthOptionsValidator>();
        // A redirect would take the key or token request to a host nobody configured; and no OpenID document, key
        // set or token response comes near a megabyte, so a larger body is refused rather than buffered.
        services.AddHttpClient(HttpClientName, client =>
            {
                client.Timeout = TimeSpan.FromSeconds(30);
                client.MaxResponseContentBufferSize = MaxResponseBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }

    /// <summary>Tokens for <paramref name="audience"/> with the bot's own identity: its client secret, or the Azure host's managed identity.</summary>
    public static IOutboundTokenProvider TokensFor(BotAuthOptions settings, IHttpClientFactory clients, string audience)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.AppType == BotAppType.UserAssignedMSI
            ? new ManagedIdentityTokenProvider(settings, clients, audience)
            : new MsalTokenProvider(settings, clients, audience);
    }
}
