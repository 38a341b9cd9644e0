using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SummitBot.Evaluation.Running;

namespace SummitBot.Evaluation.Transcripts;

/// <summary>
/// <c>eval --record PATH</c>: writes a run as Bot Framework <c>.transcript</c> files, one conversation each: the
/// evaluator's messages, and after each the bot's replies exactly as it sent them. Replayed by eval, a recording is a
/// regression test of everything the bot said. PATH ending in .transcript takes a run of one case; any other PATH is
/// a folder, given one file per case.
/// </summary>
public static class TranscriptRecorder
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <returns>The files written.</returns>
    /// <exception cref="ArgumentException">A .transcript path for a run of more than one case.</exception>
    public static async Task<IReadOnlyList<string>> WriteAsync(EvalRun run, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(path);
        var single = path.EndsWith(TranscriptLoader.Extension, StringComparison.OrdinalIgnoreCase);
        if (single && run.Cases.Count != 1)
        {
            throw new ArgumentException($"{path} holds one conversation, and the run has {run.Cases.Count} cases: give a folder to record one transcript per case.", nameof(path));
        }

        if (!single)
        {
            Directory.CreateDirectory(path);
        }

        // Two suites may both have a case "venue": their files are told apart by the suite.
        var clashing = run.Cases.GroupBy(c => c.Case.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var written = new List<string>();
        foreach (var result in run.Cases)
        {
            var name = clashing.Contains(result.Case.Id) ? $"{result.Case.Suite}.{result.Case.Id}" : result.Case.Id;
            var file = single ? path : Path.Combine(path, FileName(name) + TranscriptLoader.Extension);
            await File.WriteAllTextAsync(file, Transcript(result).ToJsonString(Indented), cancellationToken).ConfigureAwait(false);
            written.Add(file);
        }

        return written;
    }

    /// <summary>The case as one conversation; a turn that got no reply ends it, as it ended the case.</summary>
    public static JsonArray Transcript(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var conversation = new JsonObject { ["id"] = "eval-" + result.Case.Id };
        var activities = new JsonArray();
        foreach (var (turn, n) in result.Turns.Select((t, i) => (t, i + 1)))
        {
            if (turn.Reply is null)
            {
                break;
            }

            activities.Add(new JsonObject
            {
                ["type"] = "message",
                ["id"] = n.ToString(CultureInfo.InvariantCulture),
                ["from"] = new JsonObject { ["id"] = "evaluator", ["name"] = "Evaluator", ["role"] = "user" },
                ["recipient"] = new JsonObject { ["id"] = "summitbot", ["role"] = "bot" },
                ["conversation"] = conversation.DeepClone(),
                ["text"] = turn.Turn.Ask,
                ["locale"] = "en-US",
            });
            foreach (var reply in turn.Reply.Activities)
            {
                activities.Add(reply.DeepClone());
            }
        }

        return activities;
    }

    private static string FileName(string name) =>
        string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == ':' ? '-' : c));
}
