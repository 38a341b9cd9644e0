using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SummitBot.Hosting;
using SummitBot.Retrieval;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Hosting;

/// <summary>The running bot follows its articles folder: a change is answered from once reloaded, a broken file is skipped.</summary>
public sealed class KnowledgeBaseReloadTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo articles = Directory.CreateTempSubdirectory("summitbot-articles-");

    public void Dispose() => articles.Delete(recursive: true);

    [Fact]
    public async Task ArticleAddedWhileServing_IsAnsweredFromAfterTheReload_AndQuestionsMeanwhileStillAnswer()
    {
        File.WriteAllText(Path.Combine(articles.FullName, "summit.txt"), "Lee Jae Myung met Shigeru Ishiba in Tokyo on Saturday. They discussed trade.");
        await using var bot = await StartAsync();
        var knowledge = bot.Services.GetRequiredService<KnowledgeBase>();
        Assert.DoesNotContain("Osaka", await AskAsync(bot, "Where will the leaders hold their next dinner?"), StringComparison.Ordinal);

        var reloaded = WaitForReload(knowledge, engine => engine.Corpus.Articles.Count == 2);
        File.WriteAllText(Path.Combine(articles.FullName, "dinner.txt"), "Lee and Ishiba will hold their next dinner in Osaka, officials said.");
        var meanwhile = await AskAsync(bot, "Where did Lee and Ishiba meet?");
        await reloaded.WaitAsync(Patience);

        Assert.Contains("Tokyo", meanwhile, StringComparison.Ordinal);
        Assert.Contains("Osaka", await AskAsync(bot, "Where will the leaders hold their next dinner?"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenArticle_IsSkippedAndLogged_TheOthersStillServed()
    {
        File.WriteAllText(Path.Combine(articles.FullName, "summit.txt"), "Lee Jae Myung met Shigeru Ishiba in Tokyo on Saturday.");
        File.WriteAllText(Path.Combine(articles.FullName, "broken.md"), "---\ntitle: [unclosed\n---\nText.");

        await using var bot = await StartAsync();

        Assert.Contains("Tokyo", await AskAsync(bot, "Where did Lee and Ishiba meet?"), StringComparison.Ordinal);
        Assert.Contains(bot.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("broken.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangeThatCannotBeLoaded_IsLogged_AndTheArticlesInUseKeepAnswering()
    {
        File.WriteAllText(Path.Combine(articles.FullName, "summit.txt"), "Lee Jae Myung met Shigeru Ishiba in Tokyo on Saturday.");
        await using var bot = await StartAsync();

        File.WriteAllText(Path.Combine(articles.FullName, "articles.yaml"), "- id: ghost\n");
        await bot.Logs.WaitForLineAsync(line => line.Contains("could not be loaded", StringComparison.Ordinal)).WaitAsync(Patience);

        Assert.Contains("Tokyo", await AskAsync(bot, "Where did Lee and Ishiba meet?"), StringComparison.Ordinal);
    }

    private Task<BotHost> StartAsync() => BotHost.StartAsync(answers: null,
    [
        $"Retrieval:ArticlesPath={articles.FullName}",
        "Retrieval:WatchArticles=true",
        "Retrieval:ReloadDelay=00:00:00.200",
    ]);

    private static Task WaitForReload(KnowledgeBase knowledge, Func<SearchEngine, bool> done)
    {
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        knowledge.Reloaded += (_, engine) =>
        {
            if (done(engine))
            {
                reloaded.TrySetResult();
            }
        };
        return reloaded.Task;
    }

    private static async Task<string> AskAsync(BotHost bot, string question)
    {
        using var response = await bot.Client.PostAsJsonAsync("/api/ask", new { question });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("answer").GetString() ?? "";
    }
}
