using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SummitBot.DirectLine;

/// <summary>The bot's own Direct Line 3.0: its options, checked at start, and its conversation tokens.</summary>
public static class DirectLineServices
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddDataProtection();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineConversations>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
