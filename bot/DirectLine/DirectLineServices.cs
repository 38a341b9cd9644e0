using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SummitBot.DirectLine;

/// <summary>The bot's own Direct Line 3.0: its options, checked at start, tokens, conversations, limits and CORS.</summary>
public static class DirectLineServices
{
    public const string CorsPolicy = "DirectLine";

    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddDataProtection();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineAuthorization>();
        services.AddSingleton<DirectLineArchive>();
        services.AddHostedService(provider => provider.GetRequiredService<DirectLineArchive>());
        services.AddSingleton(provider => new DirectLineConversations(
            provider.GetRequiredService<IOptions<DirectLineOptions>>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<DirectLineArchive>()));
        services.AddSingleton<DirectLineTurns>();
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
