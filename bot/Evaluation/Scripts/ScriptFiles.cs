using SummitBot.Evaluation.Transcripts;

namespace SummitBot.Evaluation.Scripts;

/// <summary>Loads every file named on the command line, by its kind, and gathers every problem before any case runs.</summary>
public static class ScriptFiles
{
    public static async Task<(IReadOnlyList<EvalSuite> Suites, IReadOnlyList<ScriptError> Errors)> LoadAsync(
        IEnumerable<string> files, IReadOnlySet<string> articleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var suites = new List<EvalSuite>();
        var errors = new List<ScriptError>();
        foreach (var file in files)
        {
            var isScript = file.EndsWith(QaScriptLoader.Extension, StringComparison.OrdinalIgnoreCase);
            var isTranscript = file.EndsWith(TranscriptLoader.Extension, StringComparison.OrdinalIgnoreCase);
            if (!isScript && !isTranscript)
            {
                errors.Add(new ScriptError(file, null, $"eval reads *{QaScriptLoader.Extension} scripts and *{TranscriptLoader.Extension} files"));
                continue;
            }

            if (!File.Exists(file))
            {
                errors.Add(new ScriptError(file, null, "no such file"));
                continue;
            }

            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            var suite = isScript
                ? QaScriptLoader.Load(file, text, articleIds, errors)
                : TranscriptLoader.Load(file, text, errors);
            if (suite is not null)
            {
                suites.Add(suite);
            }
        }

        return (suites, errors);
    }
}
