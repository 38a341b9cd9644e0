using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SummitBot.Hosting;

namespace SummitBot.Benchmarks.Faults;

/// <summary>
/// The fault benchmark: the real bot, with its default delivery settings, answering many conversations at
/// once through <see cref="FaultyConnector"/>. Reports answers delivered, lost and duplicated (by reply id),
/// and the delivery time (from the accepted POST to the Connector's 200) at p50 and p99. Loopback only, and
/// bounded: it stops waiting a minute after the delivery deadline.
/// Run: benchmarks/faults.sh [conversations] (default 200).
/// </summary>
internal static class FaultBenchmark
{
    private static readonly string[] Questions =
    [
        "Where did Lee and Ishiba meet?",
        "What did the two leaders agree on?",
        "When was the summit held?",
        "Did they discuss North Korea?",
        "Who is Japan's prime minister?",
    ];

    public static async Task<int> RunAsync(int conversations)
    {
        await using var connector = await FaultyConnector.StartAsync();
        var index = Path.Combine(Path.GetTempPath(), $"summitbot-faults-{Environment.ProcessId}.db");
        var bot = BotApplication.Build(["--urls=http://127.0.0.1:0", $"--Retrieval:IndexPath={index}", "--Logging:LogLevel:Default=Error"]);
        await bot.StartAsync();
        try
        {
            var deadline = bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Protocol.Connector.ConnectorOptions>>().Value.DeliveryDeadline;
            var address = bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            Console.WriteLine($"{conversations} conversations; the Connector fails the first attempt of every POST with 429, 500, a reset or a 15 s hang, in turn.");
            var sentAt = new Dictionary<string, TimeSpan>();
            var refused = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, conversations), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
            {
                var conversation = $"bench-{i}";
                var at = connector.Now;
                using var response = await client.PostAsJsonAsync("api/messages", Activity(connector.BaseAddress, conversation, i), token);
                lock (sentAt)
                {
                    sentAt[conversation] = at;
                    refused += response.IsSuccessStatusCode ? 0 : 1;
                }
            });

            var giveUpAt = connector.Now + deadline + TimeSpan.FromMinutes(1);
            while (connector.AnsweredAt.Count < conversations && connector.Now < giveUpAt)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                Console.Write($"\r{connector.AnsweredAt.Count}/{conversations} answered after {connector.Now.TotalSeconds:F0} s");
            }

            // Give a stray retry of a delivered reply the time to show up as a duplicate.
            await Task.Delay(TimeSpan.FromSeconds(5));
            Console.WriteLine();
            var times = connector.AnsweredAt.Select(a => (a.Value - sentAt[a.Key]).TotalSeconds).Order().ToList();
            Console.WriteLine($"refused by the bot: {refused}");
            Console.WriteLine($"delivered: {connector.AnsweredAt.Count}, lost: {conversations - connector.AnsweredAt.Count}, duplicated: {connector.DuplicatedIds}");
            Console.WriteLine($"Connector requests: {connector.Requests}");
            if (times.Count > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"delivery time: p50 {Percentiles.Of(times, 0.50):F1} s, p99 {Percentiles.Of(times, 0.99):F1} s, max {times[^1]:F1} s"));
            }

            return connector.AnsweredAt.Count == conversations && connector.DuplicatedIds == 0 ? 0 : 1;
        }
        finally
        {
            await bot.StopAsync();
            await bot.DisposeAsync();
            File.Delete(index);
        }
    }

    private static JsonObject Activity(Uri serviceUrl, string conversation, int i) => new()
    {
        ["type"] = "message",
        ["id"] = $"m-{i}",
        ["channelId"] = "emulator",
        ["serviceUrl"] = serviceUrl.ToString(),
        ["from"] = new JsonObject { ["id"] = $"user-{i}" },
        ["recipient"] = new JsonObject { ["id"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = conversation },
        ["text"] = Questions[i % Questions.Length],
    };
}
