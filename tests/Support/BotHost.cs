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

namespace SummitBot.Tests.Support;

/// <summary>
/// The real bot (BotApplication) on 127.0.0.1 port 0, with an HTTP client pointed at it, its logs kept, and its
/// index in a folder of its own (so bots started in parallel never build the same file).
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly DirectoryInfo scratch;

    private BotHost(WebApplication app, DirectoryInfo scratch, CapturingLoggerProvider logs)
    {
        this.app = app;
        this.scratch = scratch;
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
        var scratch = Directory.CreateTempSubdirectory("summitbot-test-");
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Retrieval:IndexPath={Path.Combine(scratch.FullName, "index")}",
            $"--State:Path={Path.Combine(scratch.FullName, "state.db")}",
            "--Retrieval:WatchArticles=false",
            .. (settings ?? []).Select(s => "--" + s),
        ];
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
            DeleteScratch(scratch);
            throw;
        }

        return new BotHost(app, scratch, logs);
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
        DeleteScratch(scratch);
    }

    /// <summary>
    /// A write the stopped bot had begun (a delivered turn forgotten, a SQLite WAL file closed) can land while the
    /// folder is deleted: a few tries, then it is left to the system's temporary folder.
    /// </summary>
    private static void DeleteScratch(DirectoryInfo scratch)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                scratch.Delete(recursive: true);
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(100);
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}
