using SummitBot.Evaluation.Scripts;
using SummitBot.Tests.Evaluation.Support;

namespace SummitBot.Tests.Evaluation.Scripts;

public sealed class QaScriptLoaderTests
{
    private const string File = "tests/qa/sample.qa.yaml";

    [Fact]
    public void Load_TheIssuesExample_ReadsCasesTurnsAndEveryExpectation()
    {
        var suite = Load("""
            name: summit
            cases:
              - id: venue
                ask: Where did Lee and Ishiba meet?
                expect:
                  any: [Tokyo]
                  all: []
                  none: [Seoul]
                  cites: [venue-article]
                  refuses: false
              - id: follow-up
                turns:
                  - ask: Who is South Korea's president?
                    expect: { any: [Lee Jae Myung] }
                  - ask: When did he take office?
                    expect: { any: [June] }
            """, out var errors);

        Assert.Empty(errors);
        Assert.NotNull(suite);
        Assert.Equal("summit", suite.Name);
        Assert.Equal(["venue", "follow-up"], suite.Cases.Select(c => c.Id));
        Assert.Equal([3, 11], suite.Cases.Select(c => c.Line));
        var venue = Assert.IsType<Expectation>(Assert.Single(suite.Cases[0].Turns).Check);
        Assert.Equal("Where did Lee and Ishiba meet?", suite.Cases[0].Turns[0].Ask);
        Assert.Equal(["Tokyo"], venue.Any);
        Assert.Empty(venue.All);
        Assert.Equal(["Seoul"], venue.None);
        Assert.Equal([TestArticles.Venue], venue.Cites);
        Assert.False(venue.Refuses);
        Assert.Equal(["Who is South Korea's president?", "When did he take office?"], suite.Cases[1].Turns.Select(t => t.Ask));
        Assert.All(suite.Cases, c => Assert.Equal("summit", c.Suite));
    }

    [Fact]
    public void Load_WithoutAName_NamesTheSuiteAfterTheFile()
    {
        var suite = Load("""
            cases:
              - id: a
                ask: Where?
                expect: { any: Tokyo }
            """, out _);

        Assert.Equal("sample", suite?.Name);
        Assert.Equal(["Tokyo"], Assert.IsType<Expectation>(suite!.Cases[0].Turns[0].Check).Any);
    }

    [Fact]
    public void Load_AnUnknownKey_ReportsTheFileTheLineAndTheKnownKeys()
    {
        Load("""
            name: summit
            cases:
              - id: venue
                ask: Where?
                expect:
                  any: [Tokyo]
                  contains: [Tokyo]
            """, out var errors);

        var error = Assert.Single(errors);
        Assert.Equal(File, error.File);
        Assert.Equal(7, error.Line);
        Assert.Contains("unknown key 'contains'", error.Message, StringComparison.Ordinal);
        Assert.Contains("any, all, none, cites, refuses", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{File}:7: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ACaseWithoutAskOrTurns_ReportsTheCasesLine()
    {
        Load("""
            cases:
              - id: venue
                expect: { any: [Tokyo] }
            """, out var errors);

        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("case 'venue' has neither 'ask' nor 'turns'", error.Message);
    }

    [Fact]
    public void Load_AMisspelledAsk_ReportsTheKeyAndTheMissingQuestion()
    {
        Load("""
            cases:
              - id: venue
                question: Where?
                expect: { any: [Tokyo] }
            """, out var errors);

        Assert.Equal([(3, "unknown key 'question' in case (expected id, ask, expect, turns)"), (2, "case 'venue' has neither 'ask' nor 'turns'")],
            errors.Select(e => (e.Line, e.Message)));
    }

    [Fact]
    public void Load_ATurnWithoutAsk_ReportsTheTurnsLine()
    {
        Load("""
            cases:
              - id: chat
                turns:
                  - ask: Who is the president?
                    expect: { any: [Lee] }
                  - expect: { any: [June] }
            """, out var errors);

        var error = Assert.Single(errors);
        Assert.Equal(6, error.Line);
        Assert.Equal("case 'chat': the turn has no 'ask'", error.Message);
    }

    [Fact]
    public void Load_ACaseWithBothAskAndTurns_IsRejectedAtTheCase()
    {
        Load("""
            cases:
              - id: venue
                ask: Where?
                turns:
                  - ask: Where?
                    expect: { any: [Tokyo] }
            """, out var errors);

        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("both 'ask' and 'turns'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ADuplicateId_ReportsTheSecondLineAndWhereTheFirstIs()
    {
        Load("""
            cases:
              - id: venue
                ask: Where?
                expect: { any: [Tokyo] }
              - id: venue
                ask: Where exactly?
                expect: { any: [residence] }
            """, out var errors);

        var error = Assert.Single(errors);
        Assert.Equal(5, error.Line);
        Assert.Equal("duplicate id 'venue' (first used at line 2)", error.Message);
    }

    [Fact]
    public void Load_AnUnknownArticleInCites_ReportsItsLineAndTheKnownIds()
    {
        Load("""
            cases:
              - id: venue
                ask: Where?
                expect:
                  cites:
                    - venue-article
                    - reuters
            """, out var errors);

        var error = Assert.Single(errors);
        Assert.Equal(7, error.Line);
        Assert.Contains("unknown article id 'reuters'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{TestArticles.Trade}, {TestArticles.Venue}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadYaml_ReportsTheLineWithoutRepeatingThePosition()
    {
        Load("""
            cases:
              - id: venue
                ask: "Where?
                expect: { any: [Tokyo] }
            """, out var errors);

        var error = Assert.Single(errors);
        Assert.NotNull(error.Line);
        Assert.StartsWith("bad YAML: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ADuplicateKey_IsBadYamlAtItsLine()
    {
        Load("""
            cases:
              - id: venue
                ask: Where?
                ask: Where again?
                expect: { any: [Tokyo] }
            """, out var errors);

        var error = Assert.Single(errors);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("bad YAML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralProblems_ReportsEveryOneAndNoSuite()
    {
        var suite = Load("""
            name: summit
            colour: blue
            cases:
              - id: a
                ask: Where?
                expect: { any: [Tokyo], cites: [nowhere] }
              - id: a
                ask: When?
                expect: { refuses: maybe }
              - ask: Who?
                expect: { any: [Lee] }
            """, out var errors);

        Assert.Null(suite);
        Assert.Equal([2, 6, 7, 9, 10], errors.Select(e => e.Line));
    }

    [Theory]
    [InlineData("    ask: Where?")]
    [InlineData("    ask: Where?\n    expect:")]
    [InlineData("    ask: Where?\n    expect: { any: [], all: [] }")]
    public void Load_AQuestionThatStatesNoExpectation_IsRejected(string body)
    {
        Load($"cases:\n  - id: venue\n{body}\n", out var errors);

        Assert.Contains(errors, e => e.Message.Contains("cannot fail", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("expect: { refuses: true, cites: [venue-article] }", "'refuses: true' means nothing is cited")]
    [InlineData("expect: { any: [\"\"] }", "'any' must be a non-empty string")]
    [InlineData("expect: { none: { a: b } }", "'none' is a list of strings")]
    [InlineData("expect: [Tokyo]", "'expect' is a mapping")]
    public void Load_ExpectationsThatCannotWork_AreRejected(string expect, string message)
    {
        Load($"cases:\n  - id: venue\n    ask: Where?\n    {expect}\n", out var errors);

        var error = Assert.Single(errors);
        Assert.Equal(4, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExpectBesideTurns_IsRejected()
    {
        Load("""
            cases:
              - id: chat
                expect: { any: [Tokyo] }
                turns:
                  - ask: Where?
                    expect: { any: [Tokyo] }
            """, out var errors);

        var error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("each turn has its own 'expect'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("- id: a", "a script is a mapping")]
    [InlineData("name: summit", "the script has no 'cases'")]
    [InlineData("cases: []", "'cases' is a list with at least one case")]
    public void Load_AScriptWithoutCases_IsRejected(string yaml, string message)
    {
        Load(yaml, out var errors);

        Assert.Contains(message, Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    private static EvalSuite? Load(string yaml, out List<ScriptError> errors)
    {
        errors = [];
        return QaScriptLoader.Load(File, yaml, TestArticles.Catalog.Ids, errors);
    }
}
