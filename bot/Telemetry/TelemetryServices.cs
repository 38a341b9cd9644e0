using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SummitBot.Telemetry;

/// <summary>
/// OpenTelemetry for the web host: traces of a turn (ASP.NET Core's request span, then the bot's turn, retrieval,
/// answer step and Connector reply spans, Semantic Kernel's model call, HttpClient and Npgsql calls) and metrics (the
/// bot's own, ASP.NET Core's, HttpClient's, Npgsql's). Exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (the
/// exporter reads the standard OTEL_* variables); without it nothing leaves the process.
/// </summary>
public static class TelemetryServices
{
    private const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Semantic Kernel's own sources and meters (its function invocations and the chat model calls).</summary>
    private const string SemanticKernel = "Microsoft.SemanticKernel*";

    public static IServiceCollection AddBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        EnableModelCallSpans();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(BotTelemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(BotTelemetry.Name, SemanticKernel)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(BotTelemetry.Name, SemanticKernel)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation());
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpoint]))
        {
            telemetry.WithLogging().UseOtlpExporter();
        }

        return services;
    }

    /// <summary>
    /// Semantic Kernel emits its model-call spans (GenAI conventions) only when asked, and reads the switch once, on its
    /// first model call in the process. Never the sensitive switch: the prompts hold the user's words.
    /// </summary>
    public static void EnableModelCallSpans() =>
        AppContext.SetSwitch("Microsoft.SemanticKernel.Experimental.GenAI.EnableOTelDiagnostics", true);

    /// <summary>Probes every few seconds would bury the turns' traces.</summary>
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(Health.HealthServices.LivePath, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(Health.HealthServices.ReadyPath, StringComparison.OrdinalIgnoreCase);
}
