using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SummitBot.Benchmarks.Faults;

/// <summary>
/// A Connector on 127.0.0.1 that fails the first attempt of every activity posted to it (told apart by
/// conversation and activity id), in turn with 429 (Retry-After: 1), 500, a dropped connection and a 15 s
/// hang, and answers every later attempt with 200. It counts the answers it accepted per reply id.
/// </summary>
internal sealed class FaultyConnector : IAsyncDisposable
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<(string Conversation, string Id), int> attempts = new();
    private readonly ConcurrentDictionary<(string Conversation, string Id), int> accepted = new();
    private readonly ConcurrentDictionary<string, TimeSpan> firstAnswerAt = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int firstAttempts;
    private WebApplication app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public int Requests => attempts.Values.Sum();

    /// <summary>Answers (message activities) accepted, per conversation, with when the first of them was.</summary>
    public IReadOnlyDictionary<string, TimeSpan> AnsweredAt => firstAnswerAt;

    /// <summary>Reply ids the connector accepted more than once: duplicates only an id lets a channel drop.</summary>
    public int DuplicatedIds => accepted.Values.Count(count => count > 1);

    public TimeSpan Now => clock.Elapsed;

    public static async Task<FaultyConnector> StartAsync()
    {
        var connector = new FaultyConnector();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        connector.app = builder.Build();
        connector.app.MapPost("/{**path}", connector.ReceiveAsync);
        await connector.app.StartAsync();
        var address = connector.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        connector.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var activity = body.RootElement;
        var key = (activity.GetProperty("conversation").GetProperty("id").GetString() ?? "", activity.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "");
        if (attempts.AddOrUpdate(key, 1, (_, n) => n + 1) == 1)
        {
            switch (Interlocked.Increment(ref firstAttempts) % 4)
            {
                case 1:
                    context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    context.Response.Headers.RetryAfter = "1";
                    return;
                case 2:
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    return;
                case 3:
                    context.Abort();
                    return;
                default:
                    // A hang the bot may outwait: if it is still there after 15 s, the attempt is answered.
                    try
                    {
                        await Task.Delay(Hang, context.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    break;
            }
        }

        accepted.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (activity.GetProperty("type").GetString() == "message")
        {
            firstAnswerAt.TryAdd(key.Item1, clock.Elapsed);
        }

        await context.Response.WriteAsJsonAsync(new { id = Guid.NewGuid().ToString("N") }, context.RequestAborted);
    }
}
