namespace SummitBot.Answering;

/// <summary>One earlier exchange of a conversation, so follow-up questions ("when did he…") can be resolved.</summary>
public sealed record ConversationTurn(string Question, string Answer);
