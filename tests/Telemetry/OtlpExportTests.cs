using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Telemetry;

/// <summary>With OTEL_EXPORTER_OTLP_ENDPOINT set, the bot's traces, metrics and logs reach an OTLP collector (here one speaking http/protobuf).</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task WithAnOtlpEndpoint_TracesMetricsAndLogs_AreExported()
    {
        var received = new ConcurrentQueue<(string Path, string? ContentType)>();
        await using var collector = await LoopbackServer.StartAsync(app => app.MapPost("/v1/{signal}", (HttpRequest request) =>
        {
            received.Enqueue((request.Path.Value!, request.ContentType));
            return Results.Ok();
        }));

        await using (var bot = await BotHost.StartAsync(new RecordingAnswerStep(), [$"OTEL_EXPORTER_OTLP_ENDPOINT={collector.BaseAddress}", "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf"]))
        {
            using var asked = await bot.Client.PostAsJsonAsync("/api/ask", new { question = "Where did Lee and Ishiba meet?" });
            asked.EnsureSuccessStatusCode();
        }

        // Stopping the bot flushes what its exporters hold.
        Assert.Equal(["/v1/logs", "/v1/metrics", "/v1/traces"], received.Select(r => r.Path).Distinct().Order());
        Assert.All(received, r => Assert.Equal("application/x-protobuf", r.ContentType));
    }
}
