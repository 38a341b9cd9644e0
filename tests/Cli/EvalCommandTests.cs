using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using SummitBot.Answering;
using SummitBot.Cli;
using SummitBot.Tests.Evaluation.Support;

namespace SummitBot.Tests.Cli;

public sealed class EvalCommandTests : IDisposable
{
    private const string Reuters = "reuters-ishiba-lee-affirm-cooperation";

    private const string PassingScript = $"""
        name: small
        cases:
          - id: venue
            ask: Where did they meet?
            expect: {"{"} any: [Tokyo], cites: [{Reuters}] {"}"}
          - id: off-topic
            ask: Who won the World Cup?
            expect: {"{"} refuses: true {"}"}
        """;

    private const string FailingScript = """
        name: small
        cases:
          - id: wrong-city
            ask: Where did they meet?
            expect: { any: [Osaka] }
        """;

    private readonly TempFiles files = new();
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();
    private readonly ScriptedAnswerStep answers = new((question, _) => question.StartsWith("Where", StringComparison.Ordinal)
        ? ScriptedAnswerStep.Cited("They met in Tokyo [1].", Reuters)
        : Answer.NotCovered("The articles do not cover that."));

    public void Dispose()
    {
        files.Dispose();
        stdout.Dispose();
        stderr.Dispose();
    }

    [Fact]
    public async Task Eval_EveryCasePasses_ExitsZero_AndPrintsTheTableAndSummary()
    {
        var exit = await Run(files.Write("small.qa.yaml", PassingScript));

        Assert.Equal(0, exit);
        Assert.Contains("venue", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("Pass rate:          2/2 (100.0%)", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public async Task Eval_AnyCaseFails_ExitsOne_AndShowsWhy()
    {
        var exit = await Run(files.Write("small.qa.yaml", FailingScript));

        Assert.Equal(1, exit);
        Assert.Contains("any: none of [\"Osaka\"] is in the answer", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("They met in Tokyo [1].", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_ABadScript_ExitsTwoBeforeAskingAnything_AndNamesTheFileAndLine()
    {
        var good = files.Write("good.qa.yaml", PassingScript);
        var bad = files.Write("bad.qa.yaml", "cases:\n  - id: venue\n    ask: Where?\n    expect: { cites: [nowhere] }\n");

        var exit = await Run(good, bad);

        Assert.Equal(2, exit);
        Assert.Contains($"{bad}:4: unknown article id 'nowhere'", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("no case was run", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(answers.Asked);
    }

    [Theory]
    [InlineData("missing.qa.yaml", "no such file")]
    [InlineData("notes.txt", "eval reads *.qa.yaml scripts and *.transcript files")]
    public async Task Eval_AFileItCannotRead_ExitsTwo(string name, string message)
    {
        var exit = await Run(files.PathOf(name));

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_WithReports_WritesJUnitAndJson()
    {
        var junit = files.PathOf("out.xml");
        var json = files.PathOf("out.json");

        var exit = await Run(new EvalRequest([files.Write("small.qa.yaml", FailingScript)], null, junit, json, 1));

        Assert.Equal(1, exit);
        var testcase = XDocument.Load(junit).Descendants("testcase").Single();
        Assert.Equal("wrong-city", (string?)testcase.Attribute("name"));
        Assert.Single(testcase.Elements("failure"));
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal(1, report.RootElement.GetProperty("summary").GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task Eval_WithTheExtractiveStepChosen_AnswersFromTheArticles_AndTheReportSaysWhichStep()
    {
        var json = files.PathOf("out.json");

        var exit = await Run(new EvalRequest([files.Write("small.qa.yaml", PassingScript)], null, null, json, 1, AnswerStep: "extractive"));

        Assert.Equal(0, exit);
        Assert.Contains("Answer step:        extractive", stdout.ToString(), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var answerer = report.RootElement.GetProperty("answerer");
        Assert.Equal("extractive", answerer.GetProperty("step").GetString());
        Assert.Equal(JsonValueKind.Null, answerer.GetProperty("model").ValueKind);
        Assert.Equal(0, answerer.GetProperty("fellBack").GetInt32());
        var turn = report.RootElement.GetProperty("cases")[0].GetProperty("turns")[0];
        Assert.Equal("Extractive", turn.GetProperty("answeredBy").GetString());
        Assert.Empty(answers.Asked);
    }

    [Fact]
    public async Task Eval_WithTheChatStepChosen_ButNoModel_ExitsTwoNamingTheSetting()
    {
        var exit = await Run(new EvalRequest([files.Write("small.qa.yaml", PassingScript)], null, null, null, 1, AnswerStep: "chat"));

        Assert.Equal(2, exit);
        Assert.Contains("ChatModel:Provider", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_AgainstAFakeBotsEndpoint_GivesTheSameExitCodeAndTable()
    {
        await using var bot = await FakeBot.StartAsync(answers);

        var exit = await Run(new EvalRequest([files.Write("small.qa.yaml", PassingScript)], bot.Endpoint.ToString(), null, null, 2));

        Assert.Equal(0, exit);
        Assert.Contains("Pass rate:          2/2 (100.0%)", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, bot.Received.Count);
    }

    [Fact]
    public async Task Eval_ABotThatSaysTooManyRequests_IsAskedAgain_AndTheRunStands()
    {
        var refused = 0;
        await using var bot = await FakeBot.StartAsync(answers, failWith: text => text.StartsWith("Where", StringComparison.Ordinal) && Interlocked.Increment(ref refused) == 1 ? HttpStatusCode.TooManyRequests : null);

        var exit = await Run(new EvalRequest([files.Write("small.qa.yaml", PassingScript)], bot.Endpoint.ToString(), null, null, 1));

        Assert.Equal(0, exit);
        Assert.Equal(3, bot.Received.Count);   // the refused question, sent again, and the other
    }

    [Fact]
    public async Task Eval_AgainstAnUnreachableEndpoint_ExitsTwoWithAClearMessage()
    {
        await using var bot = await FakeBot.StartAsync(answers);
        var wrongPath = new Uri(bot.Endpoint, "/nothing-here").ToString();

        var exit = await Run(new EvalRequest([files.Write("small.qa.yaml", PassingScript)], wrongPath, null, null, 1));

        Assert.Equal(2, exit);
        Assert.Contains("is not a bot's messaging endpoint", stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://example/api/messages", 1, "is not an http(s) address")]
    [InlineData(null, 0, "--parallel must be 1 or more")]
    public async Task Eval_BadOptions_ExitTwo(string? endpoint, int parallel, string message)
    {
        var exit = await Run(new EvalRequest([files.Write("small.qa.yaml", PassingScript)], endpoint, null, null, parallel));

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_WithKnownFailures_WhenOnlyListedCasesFail_ExitsZero_AndShowsThemAsKnown()
    {
        var known = files.Write("known.txt", "# still to fix\nwrong-city\n");

        var exit = await Run(new EvalRequest([files.Write("small.qa.yaml", FailingScript)], null, null, null, 1) { KnownFailuresPath = known });

        Assert.Equal(0, exit);
        Assert.Contains($"Known failures:     1 of the 1 listed in {known} still fail; 0 case(s) failed outside the list", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("known", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_WithKnownFailures_AFailureNotListed_ExitsOne_NamingIt()
    {
        var known = files.Write("known.txt", "another-case\n");

        var exit = await Run(new EvalRequest([files.Write("small.qa.yaml", FailingScript)], null, null, null, 1) { KnownFailuresPath = known });

        Assert.Equal(1, exit);
        Assert.Contains("Failed, not listed: wrong-city", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("Listed, not run:    another-case", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_WithKnownFailures_AListedCaseThatNowPasses_IsReported_SoTheListShrinks()
    {
        var known = files.Write("known.txt", "venue\n");

        var exit = await Run(new EvalRequest([files.Write("small.qa.yaml", PassingScript)], null, null, null, 1) { KnownFailuresPath = known });

        Assert.Equal(0, exit);
        Assert.Contains($"Listed, now pass:   venue (take them off {known})", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_WithKnownFailures_TheJUnitReportSkipsTheListedFailure_SayingWhy()
    {
        var junit = files.PathOf("out.xml");
        var known = files.Write("known.txt", "wrong-city\n");

        await Run(new EvalRequest([files.Write("small.qa.yaml", FailingScript)], null, junit, null, 1) { KnownFailuresPath = known });

        var suite = XDocument.Load(junit).Descendants("testsuite").Single();
        Assert.Equal(("1", "0", "1"), ((string?)suite.Attribute("tests"), (string?)suite.Attribute("failures"), (string?)suite.Attribute("skipped")));
        var skipped = Assert.Single(suite.Descendants("testcase").Single().Elements());
        Assert.Equal("skipped", skipped.Name.LocalName);
        Assert.StartsWith($"known failure (listed in {known}): any: none of [\"Osaka\"] is in the answer", skipped.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_WithAKnownFailuresFileThatIsNotThere_ExitsTwo()
    {
        var exit = await Run(new EvalRequest([files.Write("small.qa.yaml", PassingScript)], null, null, null, 1) { KnownFailuresPath = files.PathOf("missing.txt") });

        Assert.Equal(2, exit);
        Assert.Contains("cannot read --known-failures", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(answers.Asked);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1/api/messages", "http://127.0.0.1:1/v3/directline", null, "--endpoint and --directline are two ways")]
    [InlineData(null, null, "s3cret", "--secret is the Direct Line secret: it goes with --directline")]
    [InlineData(null, "directline.botframework.com", null, "--directline 'directline.botframework.com' is not an http(s) address")]
    public async Task Eval_ContradictoryOrBadTargets_ExitTwo(string? endpoint, string? directLine, string? secret, string message)
    {
        var exit = await Run(new EvalRequest([files.Write("small.qa.yaml", PassingScript)], endpoint, null, null, 1) { DirectLine = directLine, Secret = secret });

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_DirectLineWithoutASecret_ExitsTwo_NamingBothWaysToGiveIt()
    {
        var exit = await Run(new EvalRequest([files.Write("small.qa.yaml", PassingScript)], null, null, null, 1) { DirectLine = "http://127.0.0.1:1/v3/directline" });

        Assert.Equal(2, exit);
        Assert.Contains("--secret, or the environment variable Evaluation__DirectLineSecret", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_SettingsOverrideConfiguration_AndAWordThatIsNoSetting_IsRefusedAsAMistypedOption()
    {
        var script = files.Write("small.qa.yaml", PassingScript);

        var badTimeout = await Run(new EvalRequest([script], null, null, null, 1) { Settings = ["--Evaluation:RequestTimeoutSeconds=0"] });
        var typo = await Run(new EvalRequest([script], null, null, null, 1) { Settings = ["--junitt"] });

        Assert.Equal((2, 2), (badTimeout, typo));
        Assert.Contains("Evaluation:RequestTimeoutSeconds must be between 1 and 600", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("unknown option or argument '--junitt'", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLine_ASettingAfterTheFiles_ReachesEvalsConfiguration()
    {
        var script = files.Write("small.qa.yaml", FailingScript);

        // The same run, but for one setting that fails validation: only the setting can make the difference.
        var refused = await CommandLine.RunAsync(["eval", script, "--Evaluation:RequestTimeoutSeconds=0"]);
        var run = await CommandLine.RunAsync(["eval", script, "--Evaluation:RequestTimeoutSeconds=30"]);

        Assert.Equal((2, 1), (refused, run));
    }

    [Fact]
    public async Task CommandLine_EvalWithABrokenScript_ExitsTwo()
    {
        var bad = files.Write("bad.qa.yaml", "cases:\n  - id: x\n");

        var exit = await CommandLine.RunAsync(["eval", bad]);

        Assert.Equal(2, exit);
    }

    [Fact]
    public void CommandLine_KnowsTheEvalCommand()
    {
        Assert.True(CommandLine.Handles(["eval", "tests/qa/summit.qa.yaml"]));
    }

    private Task<int> Run(params string[] scripts) => Run(new EvalRequest(scripts, null, null, null, 1));

    private Task<int> Run(EvalRequest request) => EvalCommand.RunAsync(
        request,
        CommandOutput.Plain(stdout, stderr),
        services => services.AddSingleton<IAnswerStep>(answers),
        CancellationToken.None);
}
