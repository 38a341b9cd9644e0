using SummitBot.Answering;
using SummitBot.Cli;
using SummitBot.Evaluation;
using SummitBot.Evaluation.Targets;

namespace SummitBot.Tests.Evaluation.Support;

/// <summary>
/// eval's in-process target over a given answer step: the bot's own turn handling, with eval's scratch state, reading
/// citations against the test articles. Disposing it deletes the scratch state.
/// </summary>
internal sealed class InProcessBot : IDisposable
{
    private readonly IHost host;

    public InProcessBot(IAnswerStep answers, ArticleCatalog? articles = null)
    {
        host = CommandHost.Build((services, configuration) => services.AddEvaluation(configuration));
        Target = EvalTargets.InProcess(host.Services, answers, articles ?? TestArticles.Catalog);
    }

    public InProcessTarget Target { get; }

    public void Dispose() => host.Dispose();
}

/// <summary>The in-process bots a test class starts, disposed with it.</summary>
internal sealed class InProcessBots : IDisposable
{
    private readonly List<InProcessBot> bots = [];

    public InProcessTarget Target(IAnswerStep answers)
    {
        var bot = new InProcessBot(answers);
        bots.Add(bot);
        return bot.Target;
    }

    public void Dispose() => bots.ForEach(b => b.Dispose());
}
