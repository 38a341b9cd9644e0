using Microsoft.Extensions.Configuration;
using SummitBot.Answering;
using SummitBot.Hosting;

namespace SummitBot.Tests.Support;

/// <summary>The real answer step over the shipped corpus, configured as the bot is, built once per test run.</summary>
public static class TestAnswers
{
    private static readonly Lazy<IServiceProvider> Services = new(Build);

    public static IAnswerStep Step => Services.Value.GetRequiredService<IAnswerStep>();

    public static KnowledgeBase Knowledge => Services.Value.GetRequiredService<KnowledgeBase>();

    public static Task<Answer> AskAsync(string question, params ConversationTurn[] history) =>
        Step.AnswerAsync(question, history, CancellationToken.None);

    private static ServiceProvider Build()
    {
        var root = RepositoryRoot.Locate();
        var index = Path.Combine(Path.GetTempPath(), $"summitbot-answers-{Environment.ProcessId}.db");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root, "appsettings.json"))
            .AddInMemoryCollection([new("Retrieval:IndexPath", index)])
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = root })
            .AddSummitBotCore(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
