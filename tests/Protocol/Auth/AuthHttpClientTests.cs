using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using SummitBot.Protocol.Auth;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Auth;

/// <summary>The client that fetches keys and tokens goes only where it was configured to, and buffers little.</summary>
public sealed class AuthHttpClientTests : IAsyncLifetime
{
    private int elsewhereRequests;
    private LoopbackServer elsewhere = null!;
    private LoopbackServer configured = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        elsewhere = await LoopbackServer.StartAsync(app => app.Map("/{**path}", () =>
        {
            Interlocked.Increment(ref elsewhereRequests);
            return Results.Json(new { keys = Array.Empty<object>() });
        }));
        configured = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/moved", () => Results.Redirect(new Uri(elsewhere.BaseAddress, "keys").ToString()));
            app.MapGet("/large", () => Results.Text(new string('k', AuthServices.MaxResponseBytes + 1), "application/json"));
        });
        services = new ServiceCollection()
            .AddLogging()
            .AddBotAuthentication(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
    }

    [Fact]
    public async Task ARedirect_IsNotFollowed()
    {
        using var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(AuthServices.HttpClientName);

        using var response = await client.GetAsync(new Uri(configured.BaseAddress, "moved"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, Volatile.Read(ref elsewhereRequests));
    }

    [Fact]
    public async Task AResponseOverAMebibyte_IsRefusedRatherThanBuffered()
    {
        using var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(AuthServices.HttpClientName);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(configured.BaseAddress, "large")));
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await configured.DisposeAsync();
        await elsewhere.DisposeAsync();
    }
}
