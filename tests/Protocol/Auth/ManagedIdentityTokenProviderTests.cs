using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SummitBot.Protocol.Auth;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Auth;

/// <summary>
/// UserAssignedMSI through MSAL's managed identity API, against a local stand-in for App Service's identity
/// endpoint (MSAL finds it through IDENTITY_ENDPOINT and IDENTITY_HEADER, as on App Service).
/// </summary>
public sealed class ManagedIdentityTokenProviderTests
{
    [Fact]
    public async Task GetToken_AsksTheHostsIdentityEndpointForTheConnectorResourceAsTheAppsIdentity()
    {
        var requests = new ConcurrentQueue<(string? Resource, string? ClientId, string? Header)>();
        await using var endpoint = await LoopbackServer.StartAsync(app => app.MapGet("/msi/token", (HttpRequest request) =>
        {
            requests.Enqueue((request.Query["resource"], request.Query["client_id"], request.Headers["X-IDENTITY-HEADER"]));
            var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { access_token = "msi-token", expires_on = expiresOn, resource = request.Query["resource"].ToString(), token_type = "Bearer" });
        }));
        using var environment = new EnvironmentVariables(("IDENTITY_ENDPOINT", new Uri(endpoint.BaseAddress, "msi/token").ToString()), ("IDENTITY_HEADER", "local-header"));
        using var clients = new TestHttpClientFactory();
        var provider = new ManagedIdentityTokenProvider(
            Options.Create(new BotAuthOptions { MicrosoftAppType = "UserAssignedMSI", MicrosoftAppId = TestTokens.AppId, MicrosoftAppTenantId = "tenant" }),
            clients);

        var first = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);
        var cached = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal("msi-token", first);
        Assert.Equal(first, cached);
        var (resource, clientId, header) = Assert.Single(requests);
        Assert.Equal("https://api.botframework.com", resource);
        Assert.Equal(TestTokens.AppId, clientId);
        Assert.Equal("local-header", header);
    }

    /// <summary>Sets process environment variables for one test and puts the old values back.</summary>
    private sealed class EnvironmentVariables : IDisposable
    {
        private readonly (string Name, string? Value)[] _previous;

        public EnvironmentVariables(params (string Name, string Value)[] variables)
        {
            _previous = variables.Select(variable => (variable.Name, Environment.GetEnvironmentVariable(variable.Name))).ToArray();
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in _previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
