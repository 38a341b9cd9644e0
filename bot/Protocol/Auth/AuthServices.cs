namespace SummitBot.Protocol.Auth;

public static class AuthServices
{
    /// <summary>Inbound token validation and outbound tokens (owned by the auth work; anonymous until it lands).</summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
