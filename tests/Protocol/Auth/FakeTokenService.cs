using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Auth;

/// <summary>
/// Stands in for Entra ID's token endpoint, over https with a certificate made for this test (MSAL refuses http
/// authorities). Records each token request's path and form, and answers with numbered tokens, or, once told to
/// (<see cref="IssueSignedTokens"/>), as Entra does: checks the client secret and issues a signed v1.0 token for
/// the scope's resource, naming the client in appid.
/// </summary>
internal sealed class FakeTokenService : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Path, IReadOnlyDictionary<string, string> Form)> _requests = new();
    private X509Certificate2 _certificate = null!;
    private TestHttpClientFactory _clients = null!;
    private LoopbackServer _server = null!;
    private int _issued;

    private SignedTokens? _signing;

    /// <summary>From now on, client-credentials requests with <paramref name="secret"/> get JWTs signed with <paramref name="key"/> by <paramref name="issuer"/>; others get invalid_client.</summary>
    public void IssueSignedTokens(TestSigningKey key, string issuer, string secret) => _signing = new SignedTokens(key, issuer, secret);

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
            if (fake._signing is { } signing)
            {
                return signing.Secret == form["client_secret"].ToString()
                    ? Results.Json(new { token_type = "Bearer", expires_in = fake.ExpiresInSeconds, ext_expires_in = fake.ExpiresInSeconds, access_token = signing.Issue(form["client_id"].ToString(), form["scope"].ToString()) })
                    : Results.Json(new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret provided.", error_codes = new[] { 7000215 } }, statusCode: 401);
            }

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
        _signing = null;
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

    private sealed record SignedTokens(TestSigningKey Key, string Issuer, string Secret)
    {
        private static readonly Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

        /// <summary>A v1.0 access token as Entra issues for client credentials: aud the scope's resource, appid the client.</summary>
        public string Issue(string clientId, string scope)
        {
            var now = DateTime.UtcNow;
            return Handler.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = scope.Split(' ')[0].Replace("/.default", "", StringComparison.Ordinal),
                IssuedAt = now.AddMinutes(-1),
                NotBefore = now.AddMinutes(-1),
                Expires = now.AddHours(1),
                Claims = new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = clientId },
                SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(Key.SecurityKey, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256),
            });
        }
    }
}
