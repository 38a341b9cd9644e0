using SummitBot.Answering;

namespace SummitBot.Tests.Evaluation.Support;

/// <summary>
/// A tiny answer step over <see cref="TestArticles"/>, enough to give eval passing, failing, refused and
/// follow-up answers: "when" is answered only when the conversation already talked about the venue.
/// </summary>
internal static class KeywordAnswers
{
    public const string VenueText = "They met at the prime minister's residence in Tokyo [1].";
    public const string DayText = "On Saturday, 23 August [1].";
    public const string TariffText = "Both agreed to 15% tariffs [1].";
    public const string RefusalText = "The articles do not cover that.";

    public static ScriptedAnswerStep Create() => new((question, history) =>
    {
        if (question.Contains("crash", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("the answer step broke");
        }

        if (question.Contains("where", StringComparison.OrdinalIgnoreCase))
        {
            return ScriptedAnswerStep.Cited(VenueText, TestArticles.Venue);
        }

        if ((question.Contains("when", StringComparison.OrdinalIgnoreCase) || question.Contains("day", StringComparison.OrdinalIgnoreCase))
            && history.Any(turn => turn.Answer.Contains("Tokyo", StringComparison.Ordinal)))
        {
            return ScriptedAnswerStep.Cited(DayText, TestArticles.Venue);
        }

        return question.Contains("tariff", StringComparison.OrdinalIgnoreCase)
            ? ScriptedAnswerStep.Cited(TariffText, TestArticles.Trade)
            : Answer.NotCovered(RefusalText);
    });

    /// <summary>A script over these answers: four cases that pass and two that fail.</summary>
    public const string Script = """
        name: keywords
        cases:
          - id: venue
            ask: Where did they meet?
            expect: { any: [Tokyo], cites: [venue-article], refuses: false }
          - id: tariffs
            ask: What tariffs?
            expect: { all: ["15%"], cites: [trade-article] }
          - id: off-topic
            ask: Who won the World Cup?
            expect: { refuses: true }
          - id: follow-up
            turns:
              - ask: Where was the summit?
                expect: { any: [Tokyo] }
              - ask: On which day?
                expect: { any: [Saturday], cites: [venue-article] }
          - id: wrong-city
            ask: Where did they meet?
            expect: { any: [Osaka], none: [Tokyo] }
          - id: wrongly-refused
            ask: When did they meet?
            expect: { any: [Saturday], refuses: false }
        """;
}
