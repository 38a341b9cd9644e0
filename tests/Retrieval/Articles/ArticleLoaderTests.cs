using SummitBot.Retrieval.Articles;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Retrieval.Articles;

public sealed class ArticleLoaderTests
{
    private static readonly string[] Furniture =
    [
        "Also Read", "Related Articles", "Leave a Reply", "Your email address will not be published",
        "Back to top button", "Tags", "By Global Leaders Insights Team", "News Mania Desk",
        "shakes hands with", "Tokyo Talks Strengthen Japan-South Korea Ties",
    ];

    [Fact]
    public void ShippedCorpus_LoadsEveryArticleOfTheFolder()
    {
        var ids = TestCorpus.Load().Articles.Select(a => a.Id);

        Assert.Equal(
            ["gli-south-korea-japan-team-up", "ishiba-lee-joint-announcement", "lee-to-meet-ishiba-before-trump-summit",
             "newsmania-lee-in-japan-to-strengthen-ties", "reuters-ishiba-lee-affirm-cooperation"],
            ids);
    }

    [Fact]
    public void ShippedCorpus_NoPageFurnitureReachesTheText()
    {
        foreach (var article in TestCorpus.Load().Articles)
        {
            foreach (var phrase in Furniture)
            {
                Assert.DoesNotContain(phrase, article.Text, StringComparison.OrdinalIgnoreCase);
            }

            Assert.DoesNotContain(article.Text.Split('\n'), line => line is "World" or "Reuters");
        }
    }

    [Fact]
    public void ShippedCorpus_KeepsTheStoryFromFirstToLastParagraph()
    {
        var corpus = TestCorpus.Load();

        Assert.StartsWith("South Korean President Lee Jae Myung flew into Tokyo", corpus.Find("gli-south-korea-japan-team-up")!.Text, StringComparison.Ordinal);
        Assert.EndsWith("tackling the region’s challenges together.", corpus.Find("gli-south-korea-japan-team-up")!.Text, StringComparison.Ordinal);
        Assert.StartsWith("Japanese Prime Minister Shigeru Ishiba and South Korean President", corpus.Find("reuters-ishiba-lee-affirm-cooperation")!.Text, StringComparison.Ordinal);
        Assert.EndsWith("after Trump threatened to impose higher duties.", corpus.Find("reuters-ishiba-lee-affirm-cooperation")!.Text, StringComparison.Ordinal);
        Assert.EndsWith("demonstrating their shared trade interests.", corpus.Find("newsmania-lee-in-japan-to-strengthen-ties")!.Text, StringComparison.Ordinal);
        Assert.EndsWith("increasingly complex geopolitical landscape.", corpus.Find("lee-to-meet-ishiba-before-trump-summit")!.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reuters-ishiba-lee-affirm-cooperation", "Japan's Ishiba, South Korea's Lee affirm cooperation before Lee meets Trump", "Reuters", null, "2025-08-23")]
    [InlineData("gli-south-korea-japan-team-up", "South Korea and Japan Team Up Before Big U.S. Meeting", "Global Leaders Insights", "Global Leaders Insights Team", "2025-08-23")]
    [InlineData("newsmania-lee-in-japan-to-strengthen-ties", "Before meeting with Trump, South Korea's Lee in Japan to strengthen ties", "News Mania", "Piyal Chatterjee", "2025-08-23")]
    public void ShippedCorpus_MetadataIsTheSidecarsFacts(string id, string title, string outlet, string? author, string published)
    {
        var metadata = TestCorpus.Load().Find(id)!.Metadata;

        Assert.Equal(title, metadata.Title);
        Assert.False(metadata.TitleIsDerived);
        Assert.Equal(outlet, metadata.Outlet);
        Assert.Equal(author, metadata.Author);
        Assert.Equal(DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), metadata.Published);
    }

    [Theory]
    [InlineData("lee-to-meet-ishiba-before-trump-summit", "South Korean President Lee Jae Myung will meet Japanese Prime Minister Shigeru")]
    [InlineData("ishiba-lee-joint-announcement", "Japan’s leader, Ishiba, stated in a joint announcement with South Korean")]
    public void ArticleWithoutHeadline_IsTitledByItsFirstSentence_MarkedDerived_AndNothingInvented(string id, string titleStart)
    {
        var metadata = TestCorpus.Load().Find(id)!.Metadata;

        Assert.True(metadata.TitleIsDerived);
        Assert.StartsWith(titleStart, metadata.Title, StringComparison.Ordinal);
        Assert.True(metadata.Title.Length <= 81);
        Assert.Null(metadata.Outlet);
        Assert.Null(metadata.Author);
        Assert.Null(metadata.Published);
    }

    [Fact]
    public void TextPage_WithoutSidecar_TakesTitleAuthorDateAndCreditFromItsHeader()
    {
        const string page = "World\n\nLeaders Meet in Tokyo\n\nNews Desk / Jane Roe / 23rd August 2025\n\n" +
            "Two leaders met in Tokyo on Saturday to talk about trade and security.\n\nAlso Read: Something Else\n\nLeave a Reply\n";

        var article = ArticleLoader.Load("leaders", ".txt", page, sidecar: null, "leaders.txt");

        Assert.Equal("Leaders Meet in Tokyo", article.Title);
        Assert.Equal("Jane Roe", article.Metadata.Author);
        Assert.Equal(new DateOnly(2025, 8, 23), article.Metadata.Published);
        Assert.Equal("Two leaders met in Tokyo on Saturday to talk about trade and security.", article.Text);
    }

    [Fact]
    public void MarkdownArticle_ReadsFrontMatter_AndDropsMarkup()
    {
        const string page = "---\ntitle: Leaders Meet\noutlet: Daily Example\npublished: 2025-08-24\nurl: https://example.org/a\n---\n" +
            "# Leaders Meet\n\n![A photo](photo.jpg)\n\nThe **two leaders** met in [Tokyo](https://example.org/tokyo) on Saturday for talks.\n";

        var article = ArticleLoader.Load("md", ".md", page, sidecar: null, "md.md");

        Assert.Equal("Leaders Meet", article.Title);
        Assert.Equal("Daily Example", article.Metadata.Outlet);
        Assert.Equal(new DateOnly(2025, 8, 24), article.Metadata.Published);
        Assert.Equal("https://example.org/a", article.Metadata.Url);
        Assert.Equal("The two leaders met in Tokyo on Saturday for talks.", article.Text);
    }

    [Fact]
    public void HtmlArticle_TakesMainTextAndMetaTags_NotNavigationCaptionsOrLinkLists()
    {
        const string page = """
            <html><head><title>Site | Leaders</title>
            <meta property="og:site_name" content="Example News"><meta name="author" content="Jane Roe">
            <meta property="article:published_time" content="2025-08-23T10:00:00Z"><link rel="canonical" href="https://example.org/leaders"></head>
            <body><nav><a href="/">Home</a> World</nav>
            <article><h1>Leaders Meet in Tokyo</h1>
            <figure><img src="a.jpg"><figcaption>The leaders shake hands in Tokyo, August 23, 2025</figcaption></figure>
            <p>Two leaders met in Tokyo on Saturday to talk about trade and security.</p>
            <ul><li>Another Story About Something Else</li></ul>
            <p>They agreed to meet again next year in the other country's capital.</p>
            <p>Related Articles</p></article>
            <footer>Back to top button</footer></body></html>
            """;

        var article = ArticleLoader.Load("html", ".html", page, sidecar: null, "html.html");

        Assert.Equal("Leaders Meet in Tokyo", article.Title);
        Assert.Equal("Example News", article.Metadata.Outlet);
        Assert.Equal("Jane Roe", article.Metadata.Author);
        Assert.Equal(new DateOnly(2025, 8, 23), article.Metadata.Published);
        Assert.Equal("https://example.org/leaders", article.Metadata.Url);
        Assert.Equal(
            "Two leaders met in Tokyo on Saturday to talk about trade and security.\nThey agreed to meet again next year in the other country's capital.",
            article.Text);
    }

    [Fact]
    public async Task Folder_WhoseSidecarNamesAMissingArticle_IsRejectedWithItsName()
    {
        var folder = Directory.CreateTempSubdirectory("summitbot-articles-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "a.txt"), "Two leaders met in Tokyo on Saturday to talk about trade.");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "articles.yaml"), "- id: a\n- id: ghost\n");

            var error = await Assert.ThrowsAsync<InvalidDataException>(() => ArticleLoader.LoadFolderAsync(folder.FullName, CancellationToken.None));

            Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task BrokenArticles_AreSkippedWithTheirReason_AndTheRestLoaded()
    {
        var folder = Directory.CreateTempSubdirectory("summitbot-articles-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "a.txt"), "Two leaders met in Tokyo on Saturday to talk about trade.");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "a.md"), "Another file named a.");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "unclosed.md"), "---\ntitle: Never closed\nText.");
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "empty.html"), "<html><body><nav>Home</nav></body></html>");

            var corpus = await ArticleLoader.LoadFolderAsync(folder.FullName, CancellationToken.None);

            Assert.Equal(["a"], corpus.Articles.Select(a => a.Id));
            Assert.Equal(["a.txt", "empty.html", "unclosed.md"], corpus.Skipped.Select(s => Path.GetFileName(s.File)).Order(StringComparer.Ordinal));
            Assert.All(corpus.Skipped, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
