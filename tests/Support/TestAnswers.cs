using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SummitBot.Answering;
using SummitBot.Hosting;

namespace SummitBot.Tests.Support;

/// <summary>The real answer step over the shipped corpus, configured as the bot is, built once per test run.</summary>
public static class TestAnswers
{
    private static readonly Lazy<IServiceProvider> Services =
        new(() => BuildServices([new("Retrieval:IndexPath", Path.Combine(Path.GetTempPath(), $"summitbot-answers-{Environment.ProcessId}"))]));

    public static IAnswerStep Step => Services.Value.GetRequiredService<IAnswerStep>();

    public static KnowledgeBase Knowledge => Services.Value.GetRequiredService<KnowledgeBase>();

    public static Task<Answer> AskAsync(string question, params ConversationTurn[] history) =>
        Step.AnswerAsync(question, history, CancellationToken.None);

    /// <summary>The bot's core services as the bot configures them from appsettings.json, with <paramref name="settings"/> on top.</summary>
    /// <param name="addServices">Services to add beside the bot's (a fake credential).</param>
    public static ServiceProvider BuildServices(IEnumerable<KeyValuePair<string, string?>> settings, ILoggerProvider? logs = null, Action<IServiceCollection>? addServices = null)
    {
        var root = RepositoryRoot.Locate();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root, "appsettings.json"))
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        addServices?.Invoke(services);
        return services
            .AddLogging(builder =>
            {
                if (logs is not null)
                {
                    builder.AddProvider(logs);
                }
            })
            .AddSingleton<IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = root })
            .AddSummitBotCore(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
