using SummitBot.Evaluation;

namespace SummitBot.Tests.Evaluation.Support;

/// <summary>A small made-up corpus, so tests do not depend on what the real articles say.</summary>
internal static class TestArticles
{
    public const string Venue = "venue-article";
    public const string Trade = "trade-article";

    public static ArticleCatalog Catalog { get; } = new(
    [
        new CatalogEntry(Venue, "The leaders met at the prime minister’s residence in Tokyo on Saturday.", Url: "https://news.example/tokyo-talks"),
        new CatalogEntry(Trade, "Both agreed to 15% tariffs after threats of 25%.", Url: null),
    ]);
}
