using System.Text;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Retrieval.Search;

/// <summary>No text a user can type may make the retriever throw: FTS5 syntax in user text is only text.</summary>
public sealed class HostileQueryTests
{
    private static readonly string[] Fragments =
    [
        "\"", "\"\"", "'", "*", "^", "NEAR(", "NEAR(a b, 2)", ")", "(", "AND", "OR", "NOT", "and", "body:", "text:",
        "passage_text:", "{text}", "[", "]", "-", "+", ":", ";", "--", "/*", "*/", "\\", "\0", "\u0001", "\u001b[31m",
        "\t", "\r\n", "😀", "🇰🇷", "👨‍👩‍👧", "مرحبا", "שלום", "\u202e", "\u200b", "\uFEFF", "Lee", "Ishiba", "Tokyo",
        "U.S.", "tariff*", "\"Lee\" NEAR \"Ishiba\"", "SELECT * FROM passages;", "'; DROP TABLE passages; --",
        "ｆｕｌｌｗｉｄｔｈ", "é", "e\u0301", "\uD800", "%", "_", "$", "?", "!", "...", "0", "-1", "1e308",
    ];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 10)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task HundredGeneratedHostileQueries_RaiseNoException(int seed)
    {
        var random = new Random(seed);
        var engine = TestEngine.Load();
        for (var i = 0; i < 100; i++)
        {
            var query = new StringBuilder();
            var parts = random.Next(1, 12);
            for (var p = 0; p < parts; p++)
            {
                query.Append(Fragments[random.Next(Fragments.Length)]);
                if (random.Next(3) > 0)
                {
                    query.Append(' ');
                }
            }

            var hits = await engine.Retriever.SearchAsync(engine.Query(query.ToString()), 5, CancellationToken.None);

            Assert.True(hits.Count <= 5);
        }
    }

    [Fact]
    public async Task HundredKilobytesOfText_IsSearchedWithoutError()
    {
        var query = string.Concat(Enumerable.Repeat("Lee \"Ishiba\" NEAR( tariff* ^OR ", 100 * 1024 / 30));

        var hits = await TestEngine.Load().Retriever.SearchAsync(TestEngine.Load().Query(query), 5, CancellationToken.None);

        Assert.NotEmpty(hits);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"*^()")]
    [InlineData("the and of what")]
    public async Task TextWithNothingSearchable_FindsNothing(string query)
    {
        var hits = await TestEngine.Load().Retriever.SearchAsync(TestEngine.Load().Query(query), 5, CancellationToken.None);

        Assert.Empty(hits);
    }
}
