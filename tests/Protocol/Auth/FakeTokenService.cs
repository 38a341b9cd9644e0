using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Auth;

/// <summary>
/// Stands in for Entra ID's token endpoint, over https with a certificate made for this test (MSAL refuses http
/// authorities). Records each token request's path and form, and answers with numbered tokens.
/// </summary>
internal sealed class FakeTokenService : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Path, IReadOnlyDictionary<string, string> Form)> _requests = new();
    private X509Certificate2 _certificate = null!;
    private TestHttpClientFactory _clients = null!;
    private LoopbackServer _server = null!;
    private int _issued;

    /// <summary>How long the tokens it issues live.</summary>
    public int ExpiresInSeconds { get; set; } = 3600;

    public Uri BaseAddress => _server.BaseAddress;

    public IReadOnlyList<(string Path, IReadOnlyDictionary<string, string> Form)> Requests => [.. _requests];

    public static async Task<FakeTokenService> StartAsync()
    {
        var fake = new FakeTokenService { _certificate = CreateCertificate() };
        fake._clients = new TestHttpClientFactory(fake.TrustingHandler());
        fake._server = await LoopbackServer.StartAsync(app => app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            fake._requests.Enqueue((request.Path.Value!, form.ToDictionary(field => field.Key, field => field.Value.ToString())));
            var number = Interlocked.Increment(ref fake._issued);
            return Results.Json(new { token_type = "Bearer", expires_in = fake.ExpiresInSeconds, ext_expires_in = fake.ExpiresInSeconds, access_token = $"token-{number}" });
        }), fake._certificate);
        return fake;
    }

    /// <summary>A handler that trusts this service's certificate, and only it.</summary>
    public SocketsHttpHandler TrustingHandler() => new()
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == _certificate.GetCertHashString() },
    };

    /// <summary>Clients that trust this service's certificate, and only it.</summary>
    public IHttpClientFactory Clients => _clients;

    /// <summary>Forgets earlier requests, so one service can serve a class of tests.</summary>
    public void Reset()
    {
        _requests.Clear();
        _issued = 0;
        ExpiresInSeconds = 3600;
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Kestrel on Linux needs the private key in a form it can export again; a PFX round trip gives it that.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _clients.Dispose();
        _certificate.Dispose();
    }
}
