namespace SummitBot.Evaluation.Scripts;

/// <summary>A problem in a script or transcript, found before anything runs.</summary>
/// <param name="Line">1-based; null when the problem is not at one line (a missing file, an empty transcript).</param>
public sealed record ScriptError(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";
}
