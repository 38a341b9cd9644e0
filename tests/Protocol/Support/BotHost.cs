using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SummitBot.Answering;
using SummitBot.Hosting;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Support;

/// <summary>The real bot (BotApplication) on 127.0.0.1 port 0, with an HTTP client pointed at it.</summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private BotHost(WebApplication app, CapturingLoggerProvider logs)
    {
        this.app = app;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="answers">Replaces the answer step; null keeps the real one.</param>
    /// <param name="settings">Configuration overrides as `Section:Key=value`.</param>
    public static async Task<BotHost> StartAsync(IAnswerStep? answers, IEnumerable<string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var logs = new CapturingLoggerProvider();
        string[] args = ["--urls=http://127.0.0.1:0", .. (settings ?? []).Select(s => "--" + s)];
        var app = BotApplication.Build(args, collection =>
        {
            collection.AddSingleton<ILoggerProvider>(logs);
            if (answers is not null)
            {
                collection.RemoveAll<IAnswerStep>();
                collection.AddSingleton(answers);
            }

            services?.Invoke(collection);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new BotHost(app, logs);
    }

    public Task<HttpResponseMessage> PostActivityAsync(JsonNode activity, string? authorization = null) =>
        PostRawAsync(activity.ToJsonString(), authorization);

    public async Task<HttpResponseMessage> PostRawAsync(string body, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
