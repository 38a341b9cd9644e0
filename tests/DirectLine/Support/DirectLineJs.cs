using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using SummitBot.Hosting;

namespace SummitBot.Tests.DirectLine.Support;

/// <summary>
/// Microsoft's DirectLineJS (npm botframework-directlinejs, the client inside Web Chat) run by node against a bot
/// under test: tests/DirectLine/Clients/directline-client.mjs holds one conversation and prints what it saw as one
/// JSON line. The packages are installed by the test project's build (target FetchDirectLineJs) into
/// .cache/directlinejs. Without node or the packages the tests fail, saying how to get them; they never skip.
/// </summary>
internal static class DirectLineJs
{
    /// <summary>The version tests/SummitBot.Tests.csproj pins (DirectLineJsVersion).</summary>
    public const string Version = "0.15.8";

    /// <summary>How long one step (the welcome, a post, an answer) may take inside the script.</summary>
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(15);

    /// <summary>How long node may run in all before it is killed.</summary>
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    public static string Packages => Path.Combine(RepositoryRoot.Locate(), ".cache", "directlinejs");

    public static string Script => Path.Combine(RepositoryRoot.Locate(), "tests", "DirectLine", "Clients", "directline-client.mjs");

    /// <param name="baseAddress">The bot's address (http://127.0.0.1:port/).</param>
    /// <param name="mode">"websocket" or "polling".</param>
    /// <param name="question">The first message the script sends; <paramref name="followUp"/> the second.</param>
    /// <returns>The script's report, and what it wrote on stderr (DirectLineJS's warnings).</returns>
    public static async Task<(JsonObject Report, string Errors)> ConverseAsync(Uri baseAddress, string token, string mode, string question, string followUp)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var installed = Path.Combine(Packages, "node_modules", "botframework-directlinejs", "package.json");
        if (!File.Exists(installed))
        {
            Assert.Fail(
                $"DirectLineJS is not installed: {installed} is missing. Building tests/SummitBot.Tests.csproj installs it with npm "
                + $"(target FetchDirectLineJs: botframework-directlinejs@{Version}, ws, xhr2 into {Packages}); install Node.js and npm, then build again.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Packages,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Script,
            "--base", baseAddress.GetLeftPart(UriPartial.Authority),
            "--mode", mode,
            "--packages", Packages,
            "--timeout-ms", ((int)StepTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--polling-interval-ms", "200",
            "--question", question,
            "--follow-up", followUp,
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NODE_PATH"] = Path.Combine(Packages, "node_modules");

        // In the environment, not the command line, which every process on the machine can read.
        start.Environment["DIRECTLINE_TOKEN"] = token;
        using var node = StartNode(start);
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using (var patience = new CancellationTokenSource(RunTimeout))
        {
            try
            {
                await node.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                node.Kill(entireProcessTree: true);
                await node.WaitForExitAsync();
                Assert.Fail($"DirectLineJS ({mode}) was still running after {RunTimeout.TotalSeconds} s and was killed. stderr: {await errors}\nstdout: {await output}");
            }
        }

        var (stdout, stderr) = (await output, await errors);
        if (node.ExitCode != 0)
        {
            Assert.Fail($"DirectLineJS ({mode}) failed (node exited with {node.ExitCode}): {stderr}\nstdout: {stdout}");
        }

        var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (line is null || JsonNode.Parse(line) is not JsonObject report)
        {
            Assert.Fail($"DirectLineJS ({mode}) printed no report. stdout: {stdout}\nstderr: {stderr}");
            throw new UnreachableException();
        }

        return (report, stderr);
    }

    private static Process StartNode(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"The DirectLineJS tests need node (Node.js 20 or later) on PATH, and it could not be started ({ex.Message}). Install Node.js and npm (on Debian `apt-get install nodejs npm`), then build again.");
            throw new UnreachableException();
        }
    }
}
