using Microsoft.Extensions.Options;

namespace SummitBot.Protocol.Auth;

public static class AuthServices
{
    /// <summary>The named client for OpenID metadata, signing keys and token requests.</summary>
    public const string HttpClientName = "BotAuth";

    /// <summary>Inbound token validation and outbound tokens, configured from Bot Framework's flat keys (see BotAuthOptions).</summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotAuthOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthOptions>, BotAuthOptionsValidator>();
        services.AddHttpClient(HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));

        services.AddSingleton<IInboundAuthenticator, BotFrameworkAuthenticator>();
        services.AddSingleton<IOutboundTokenProvider>(provider =>
            provider.GetRequiredService<IOptions<BotAuthOptions>>().Value.AppType == BotAppType.UserAssignedMSI
                ? ActivatorUtilities.CreateInstance<ManagedIdentityTokenProvider>(provider)
                : ActivatorUtilities.CreateInstance<MsalTokenProvider>(provider));
        services.AddHostedService<AuthModeLog>();
        return services;
    }
}
