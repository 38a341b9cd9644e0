using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using SummitBot.Hosting;

namespace SummitBot.Tests.Support;

/// <summary>The real bot on 127.0.0.1 and a free port, with its index in a folder of its own.</summary>
public sealed class TestBot : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly DirectoryInfo scratch;

    private TestBot(WebApplication app, DirectoryInfo scratch, Uri address)
    {
        this.app = app;
        this.scratch = scratch;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="settings">Configuration overrides, as "Section:Key" → value.</param>
    public static async Task<TestBot> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? overrideServices = null)
    {
        var scratch = Directory.CreateTempSubdirectory("summitbot-test-");
        var args = new List<string> { "--urls=http://127.0.0.1:0", $"--Retrieval:IndexPath={Path.Combine(scratch.FullName, "index.db")}" };
        args.AddRange((settings ?? new Dictionary<string, string?>()).Select(s => $"--{s.Key}={s.Value}"));
        var app = BotApplication.Build([.. args], overrideServices);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new TestBot(app, scratch, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        scratch.Delete(recursive: true);
    }
}
