using System.Text.Json.Nodes;
using SummitBot.Cli;
using SummitBot.Hosting;
using SummitBot.Tests.Evaluation.Support;
using SummitBot.Tests.Support;
using Xunit.Abstractions;

namespace SummitBot.Tests.Cli;

/// <summary>
/// Transcripts replayed through the real bot, in process and against a running one: a session recorded in the
/// Emulator (its shape: link definitions, citation entities, suggested actions, typing, the welcome), and a run
/// recorded by eval --record, which then replays as a regression test.
/// </summary>
public sealed class EvalTranscriptTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string EmulatorSession = Path.Combine(RepositoryRoot.Locate(), "tests", "Evaluation", "Transcripts", "emulator-session.transcript");

    private readonly TempFiles files = new();
    private readonly StringWriter stdout = new();
    private readonly StringWriter stderr = new();

    public void Dispose()
    {
        files.Dispose();
        stdout.Dispose();
        stderr.Dispose();
    }

    [Fact]
    public async Task AnEmulatorTranscript_ReplaysGreen_InProcess()
    {
        var exit = await EvalAsync(new EvalRequest([EmulatorSession], null, null, null, 1));

        Assert.True(exit == EvalCommand.AllPassed, $"eval exited {exit}\n{stdout}\n{stderr}");
    }

    [Fact]
    public async Task AnEmulatorTranscript_ReplaysGreen_AgainstARunningBot()
    {
        await using var bot = await BotHost.StartAsync(null);

        var exit = await EvalAsync(new EvalRequest([EmulatorSession], new Uri(bot.Client.BaseAddress!, "/api/messages").ToString(), null, null, 1));

        Assert.True(exit == EvalCommand.AllPassed, $"eval exited {exit}\n{stdout}\n{stderr}");
    }

    [Fact]
    public async Task AnEmulatorTranscript_WhoseAnswerChanged_FailsNamingTheReply()
    {
        var changed = File.ReadAllText(EmulatorSession).Replace("flew into Tokyo on Saturday", "flew into Osaka on Sunday", StringComparison.Ordinal);
        var path = files.Write("changed.transcript", changed);

        var junit = files.PathOf("changed.xml");

        var exit = await EvalAsync(new EvalRequest([path], null, junit, null, 1));

        Assert.Equal(EvalCommand.SomeFailed, exit);
        var failure = System.Xml.Linq.XDocument.Load(junit).Descendants("failure").Single();
        Assert.StartsWith("reply 1: expected \"South Korean President Lee Jae Myung flew into Osaka on Sunday", (string?)failure.Attribute("message"), StringComparison.Ordinal);
        Assert.Contains("turn 1: Where did Lee and Ishiba meet?", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecordedRun_ReplaysGreen_InProcessAndAgainstARunningBot()
    {
        var suite = files.Write("small.qa.yaml", """
            name: small
            cases:
              - id: venue
                turns:
                  - ask: Where did Lee and Ishiba meet?
                    expect: { any: [Tokyo] }
                  - ask: hello
                    expect: { any: [Hello] }
              - id: off-topic
                ask: Who won the 2022 World Cup?
                expect: { refuses: true }
            """);
        var folder = files.PathOf("recorded");

        var recording = await EvalAsync(new EvalRequest([suite], null, null, null, 1) { RecordPath = folder });
        var recorded = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
        await using var bot = await BotHost.StartAsync(null);
        var inProcess = await EvalAsync(new EvalRequest(recorded, null, null, null, 1));
        var endpoint = await EvalAsync(new EvalRequest(recorded, new Uri(bot.Client.BaseAddress!, "/api/messages").ToString(), null, null, 1));

        Assert.Equal((0, 0, 0), (recording, inProcess, endpoint));
        Assert.Equal(["off-topic.transcript", "venue.transcript"], recorded.Select(Path.GetFileName));
        var venue = JsonNode.Parse(File.ReadAllText(recorded[1]))!.AsArray();
        Assert.Equal(["user", "bot", "user", "bot"], venue.Select(a => (string?)a!["from"]!["role"]));
        Assert.NotNull(venue[1]!["suggestedActions"]);
        Assert.Contains("Recorded:           2 transcript(s)", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordingSeveralCasesIntoOneTranscriptFile_ExitsTwoBeforeAskingAnything()
    {
        var suite = files.Write("small.qa.yaml", "cases:\n  - id: a\n    ask: Where did they meet?\n    expect: { any: [Tokyo] }\n  - id: b\n    ask: When?\n    expect: { any: [August] }\n");

        var exit = await EvalAsync(new EvalRequest([suite], null, null, null, 1) { RecordPath = files.PathOf("one.transcript") });

        Assert.Equal(EvalCommand.CannotRun, exit);
        Assert.Contains("give a folder to record a transcript per case", stderr.ToString(), StringComparison.Ordinal);
    }

    private async Task<int> EvalAsync(EvalRequest request)
    {
        var exit = await EvalCommand.RunAsync(request, CommandOutput.Plain(stdout, stderr), overrideServices: null, CancellationToken.None);
        output.WriteLine(stdout.ToString());
        output.WriteLine(stderr.ToString());
        return exit;
    }
}
