namespace SummitBot.Answering;

/// <summary>One numbered source of an answer; <see cref="N"/> is the number in the text's [n] markers.</summary>
/// <param name="Published">ISO date (yyyy-MM-dd) or null when the article does not say.</param>
/// <param name="Excerpt">The passage text the answer drew on, shortened for display.</param>
/// <param name="Url">The article's original address, when known; channels fall back to the bot's own page.</param>
/// <param name="Sentence">Which sentence of the article the excerpt starts at, from 1: the bot's page marks it <c>#sN</c>.</param>
public sealed record Citation(int N, string ArticleId, string Title, string? Outlet, string? Published, string Excerpt, string? Url, int? Sentence = null);
