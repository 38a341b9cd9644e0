namespace SummitBot.Retrieval;

/// <summary>How far opening the engine has got: a stage and, where it can be counted, how much of it is done.</summary>
/// <param name="Total">0 when the stage is not counted.</param>
public sealed record OpenProgress(string Stage, int Done = 0, int Total = 0);
