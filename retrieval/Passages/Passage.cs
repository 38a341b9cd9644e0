namespace SummitBot.Retrieval.Passages;

/// <summary>A window of a few whole sentences of one article.</summary>
/// <param name="Ordinal">Position among the article's passages, from 0.</param>
/// <param name="Start">Offset of the first character in <see cref="Articles.Article.Text"/>.</param>
/// <param name="Length">Number of characters; <c>article.Text.Substring(Start, Length) == Text</c>.</param>
public sealed record Passage(string ArticleId, int Ordinal, int Start, int Length, string Text);
