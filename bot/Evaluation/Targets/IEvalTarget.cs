namespace SummitBot.Evaluation.Targets;

/// <summary>The bot under test: in this process, or a running bot reached over its /api/messages.</summary>
public interface IEvalTarget
{
    /// <summary>A fresh conversation; the turns of one case share it, and no two cases do.</summary>
    IEvalConversation StartConversation();
}

public interface IEvalConversation
{
    Task<BotReply> AskAsync(string question, CancellationToken cancellationToken);
}
