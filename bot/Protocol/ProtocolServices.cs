using Microsoft.Extensions.Options;
using SummitBot.Conversations;
using SummitBot.Hosting;
using SummitBot.Protocol.Auth;
using SummitBot.Protocol.Connector;
using SummitBot.Protocol.Delivery;
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
            // Without it links would take their host from a request header; the Teams package needs it anyway.
            .Validate<IOptions<BotAuthOptions>>(
                (o, auth) => auth.Value.IsAnonymous || !string.IsNullOrWhiteSpace(o.PublicBaseUrl) || o.TrustForwardedHeaders,
                "BotProtocol:PublicBaseUrl is required when MicrosoftAppId is set: it is the public address citation links point at (for example https://summitbot.example.org). Behind a proxy that sets X-Forwarded-Host, BotProtocol:TrustForwardedHeaders=true takes it from each request instead.")
            .ValidateOnStart();
        services.AddOptions<ConnectorOptions>()
            .Bind(configuration.GetSection(ConnectorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The pipeline's per-attempt timeout governs; HttpClient's own 100 s would only get in its way.
        // A redirect would send the reply, and its token, somewhere the activity never named.
        services.AddHttpClient(ConnectorClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddConnectorDestinations();
        services.AddSingleton<ConnectorPipeline>();
        services.AddSingleton<ConnectorClient>();

        // Hosted services stop in reverse order: the turns stop first, then the outbox delivers what they left.
        services.AddSingleton<ReplyOutbox>();
        services.AddHostedService(provider => provider.GetRequiredService<ReplyOutbox>());
        services.AddSingleton<TurnRunner>();
        services.AddSingleton<InvokeHandler>();
        services.AddSingleton<BackgroundTurns>();
        services.AddHostedService(provider => provider.GetRequiredService<BackgroundTurns>());
        services.AddHostedService<TurnRecovery>();
        services.AddSingleton<MessagesEndpoint>();
        services.AddSingleton<ActivityValidation>();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddHttpContextAccessor();
        services.AddSingleton<PublicAddress>();
        return services;
    }

    /// <summary>POST /api/messages; other methods get 405 from routing.</summary>
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", static (HttpContext context, MessagesEndpoint endpoint) => endpoint.HandleAsync(context));
        return app;
    }
}
