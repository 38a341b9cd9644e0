namespace SummitBot.Evaluation.Scripts;

/// <summary>One loaded file: a Q&amp;A script or a replayed transcript.</summary>
public sealed record EvalSuite(string Name, string File, IReadOnlyList<EvalCase> Cases);

/// <summary>One conversation to run; a single question is a case of one turn.</summary>
/// <param name="Line">Where the case starts in its file, for messages; null for transcripts.</param>
public sealed record EvalCase(string Suite, string Id, string File, int? Line, IReadOnlyList<EvalTurn> Turns);

/// <summary>One question of a conversation and what its reply must satisfy.</summary>
public sealed record EvalTurn(string Ask, ITurnCheck Check);
