using SummitBot.Conversations;
using SummitBot.Protocol.Connector;
using SummitBot.Protocol.Inbound;
using SummitBot.Protocol.Turns;

namespace SummitBot.Protocol;

public static class ProtocolServices
{
    /// <summary>The Bot Framework endpoint's services: turn handling, the background turn queue and the Connector client.</summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddConversations(configuration);
        services.AddOptions<BotProtocolOptions>()
            .Bind(configuration.GetSection(BotProtocolOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ConnectorOptions>()
            .Bind(configuration.GetSection(ConnectorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The pipeline's per-attempt timeout governs; HttpClient's own 100 s would only get in its way.
        services.AddHttpClient(ConnectorClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<ConnectorPipeline>();
        services.AddSingleton<ConnectorClient>();

        services.AddSingleton<TurnRunner>();
        services.AddSingleton<InvokeHandler>();
        services.AddSingleton<BackgroundTurns>();
        services.AddHostedService(provider => provider.GetRequiredService<BackgroundTurns>());
        services.AddSingleton<MessagesEndpoint>();
        services.AddSingleton<ActivityValidation>();
        services.AddSingleton<ServiceUrlPolicy>();
        return services;
    }

    /// <summary>POST /api/messages; other methods get 405 from routing.</summary>
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", static (HttpContext context, MessagesEndpoint endpoint) => endpoint.HandleAsync(context));
        return app;
    }
}
