using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SummitBot.State;

namespace SummitBot.DirectLine;

/// <summary>The bot's own Direct Line 3.0: its options, checked at start, tokens, conversations, limits and CORS.</summary>
public static class DirectLineServices
{
    public const string CorsPolicy = "DirectLine";

    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // Tokens are sealed with a key ring every instance shares, kept in the state database, under one name
        // (by default the name is the install folder, which two machines need not share).
        var dataProtection = services.AddDataProtection().SetApplicationName("SummitBot");
        services.AddOptions<KeyManagementOptions>().Configure<IStateDatabase>((keys, state) => keys.XmlRepository = new StateKeyRing(state));
        KeyRingProtectionOptions.Configure(dataProtection, configuration);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineAuthorization>();
        services.AddSingleton<DirectLineArchive>();
        services.AddHostedService(provider => provider.GetRequiredService<DirectLineArchive>());
        if (StateServices.IsShared(configuration))
        {
            services.AddSingleton<SharedJournal>();
            services.AddSingleton<IDirectLineJournal>(provider => provider.GetRequiredService<SharedJournal>());
            services.AddSingleton(provider => new DirectLineNotifications(
                (PostgresState)provider.GetRequiredService<IStateDatabase>(),
                provider.GetRequiredService<SharedJournal>(),
                provider.GetRequiredService<DirectLineConversations>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<DirectLineNotifications>>()));
            services.AddHostedService(provider => provider.GetRequiredService<DirectLineNotifications>());
        }
        else
        {
            services.AddSingleton<IDirectLineJournal, LocalJournal>();
        }

        services.AddSingleton(provider => new DirectLineConversations(
            provider.GetRequiredService<IOptions<DirectLineOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<DirectLineArchive>(),
            provider.GetRequiredService<IDirectLineJournal>().Keeper));
        services.AddSingleton<DirectLineTurns>();
        services.AddSingleton<Protocol.Turns.IRecoveredTurnReplies>(provider => provider.GetRequiredService<DirectLineTurns>());
        services.AddSingleton<DirectLineSocket>();
        services.AddSingleton<StreamAddress>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDirectLineRateLimits();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<DirectLineOptions>>((cors, options) =>
            cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins([.. options.Value.AllowedOrigins.Select(o => o.TrimEnd('/'))])
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent")
                .WithExposedHeaders("Retry-After")));
        return services;
    }
}
