using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Auth;

/// <summary>
/// Stands in for login.botframework.com and Entra ID's metadata: two OpenID documents (channel, emulator) whose
/// jwks_uri serve the keys this test published, and counts of key downloads (to see refreshes) and of all requests.
/// </summary>
internal sealed class FakeOpenIdServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TestSigningKey>> _keys = new();
    private readonly ConcurrentDictionary<string, int> _keyDownloads = new();
    private LoopbackServer? _server;
    private int _requests;

    public string ChannelMetadataUrl => MetadataUrl("channel");

    public string EmulatorMetadataUrl => MetadataUrl("emulator");

    public static async Task<FakeOpenIdServer> StartAsync()
    {
        var fake = new FakeOpenIdServer();
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.Use((context, next) =>
            {
                Interlocked.Increment(ref fake._requests);
                return next(context);
            });
            app.MapGet("/{issuer}/.well-known/openid-configuration", (string issuer) =>
                Results.Json(new { issuer, jwks_uri = new Uri(fake._server!.BaseAddress, $"{issuer}/keys").ToString() }));
            app.MapGet("/{issuer}/keys", (string issuer) =>
            {
                fake._keyDownloads.AddOrUpdate(issuer, 1, (_, count) => count + 1);
                var keys = fake._keys.GetValueOrDefault(issuer) ?? [];
                return Results.Text(new JsonObject { ["keys"] = new JsonArray(keys.Select(key => (JsonNode)key.ToJwk()).ToArray()) }.ToJsonString(), "application/json");
            });
        });
        return fake;
    }

    public void PublishChannelKey(TestSigningKey key) => _keys.GetOrAdd("channel", _ => new()).Enqueue(key);

    public void PublishEmulatorKey(TestSigningKey key) => _keys.GetOrAdd("emulator", _ => new()).Enqueue(key);

    public int ChannelKeyDownloads => _keyDownloads.GetValueOrDefault("channel");

    /// <summary>Every request it answered: metadata documents and key sets alike.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private string MetadataUrl(string issuer) => new Uri(_server!.BaseAddress, $"{issuer}/.well-known/openid-configuration").ToString();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
