using SummitBot.Evaluation.Targets;

namespace SummitBot.Evaluation.Scripts;

/// <summary>What a reply must satisfy: a script's stated expectations, or a transcript's recorded replies.</summary>
public interface ITurnCheck
{
    /// <returns>One line per unmet expectation; empty when the reply passes.</returns>
    IReadOnlyList<string> Verify(BotReply reply);

    /// <summary>Phrases a correct answer contains; the summary checks the cited articles for them.</summary>
    IReadOnlyList<string> ExpectedPhrases { get; }

    /// <summary>True or false when the check states whether the bot must refuse; null when it does not say.</summary>
    bool? ExpectsRefusal { get; }
}
