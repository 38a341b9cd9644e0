using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SummitBot.Answering;
using SummitBot.Hosting;
using SummitBot.Retrieval;

namespace SummitBot.Benchmarks;

/// <summary>
/// What one question costs: retrieval alone, and the whole answer step, over the shipped corpus with its
/// index already built (as after start-up). Run: dotnet run -c Release --project benchmarks.
/// </summary>
[MemoryDiagnoser]
public class AnswerBenchmarks
{
    private IHost host = null!;
    private IAnswerStep answers = null!;
    private SearchEngine engine = null!;

    [Params("Where did Lee and Ishiba meet?", "How many American troops are stationed in Japan and South Korea?", "Who won the 2022 World Cup?")]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Open()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = RepositoryRoot.Locate(), Args = [] });
        builder.Services.AddSummitBotCore(builder.Configuration);
        host = builder.Build();
        answers = host.Services.GetRequiredService<IAnswerStep>();
        engine = host.Services.GetRequiredService<KnowledgeBase>().GetAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Close() => host.Dispose();

    [Benchmark]
    public Task<IReadOnlyList<SummitBot.Retrieval.Search.SearchHit>> Retrieve() => engine.Retriever.SearchAsync(engine.Query(Question), 8, CancellationToken.None);

    [Benchmark]
    public Task<Answer> Answer() => answers.AnswerAsync(Question, [], CancellationToken.None);
}
