using System.Net.Http.Json;
using System.Text;
using SummitBot.Hosting;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Hosting;

/// <summary>Every response of the bot, pages, JSON and errors alike, says nosniff and carries a CSP that forbids framing.</summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private BotHost bot = null!;

    public async Task InitializeAsync() => bot = await BotHost.StartAsync(new RecordingAnswerStep());

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Theory]
    [InlineData("/articles")]
    [InlineData("/articles/reuters-ishiba-lee-affirm-cooperation")]
    [InlineData("/articles/no-such-article")]
    public async Task ArticlePages_CarryTheReadingPagePolicy(string path)
    {
        using var response = await bot.Client.GetAsync(path);

        AssertHeaders(response, ContentSecurityPolicy.ReadingPage);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonPlainTextAndErrorResponses_CarryThePolicyThatAllowsNothing()
    {
        using var ask = await bot.Client.PostAsJsonAsync("/api/ask", new { question = "Where did Lee and Ishiba meet?" });
        using var badActivity = await bot.Client.PostAsync("/api/messages", new StringContent("not json", Encoding.UTF8, "application/json"));
        using var health = await bot.Client.GetAsync("/healthz");
        using var nowhere = await bot.Client.GetAsync("/nowhere");

        Assert.All([ask, badActivity, health, nowhere], response => AssertHeaders(response, ContentSecurityPolicy.None));
    }

    private static void AssertHeaders(HttpResponseMessage response, ContentSecurityPolicy expected)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(expected.Value, policy);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
    }
}
