namespace SummitBot.Protocol;

public static class ProtocolServices
{
    /// <summary>The Bot Framework endpoint's services (owned by the protocol work).</summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    /// <summary>POST /api/messages.</summary>
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder app) => app;
}
