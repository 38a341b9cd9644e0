using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Api;

public sealed class AskApiTests : IAsyncLifetime
{
    private BotHost bot = null!;

    public async Task InitializeAsync() => bot = await BotHost.StartAsync(answers: null);

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task Question_OverRealHttp_GetsTheAnswerAndItsCitations_InTheDocumentedShape()
    {
        using var response = await bot.Client.PostAsJsonAsync("/api/ask", new { question = "Where did Lee and Ishiba meet?" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Contains("Tokyo", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("grounded").GetBoolean());
        var citation = root.GetProperty("citations")[0];
        Assert.Equal(1, citation.GetProperty("n").GetInt32());
        Assert.False(string.IsNullOrEmpty(citation.GetProperty("articleId").GetString()));
        Assert.False(string.IsNullOrEmpty(citation.GetProperty("title").GetString()));
        Assert.True(citation.TryGetProperty("outlet", out _));
        Assert.True(citation.TryGetProperty("published", out _));
        Assert.False(string.IsNullOrEmpty(citation.GetProperty("excerpt").GetString()));
    }

    [Fact]
    public async Task OutOfScopeQuestion_IsDeclined_WithNoCitations()
    {
        using var response = await bot.Client.PostAsJsonAsync("/api/ask", new { question = "Who won the 2022 World Cup?" });

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(json.RootElement.GetProperty("grounded").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("citations").GetArrayLength());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{}")]
    [InlineData("{\"question\": \"\"}")]
    [InlineData("{\"question\": 42}")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task BadRequest_Gets400_WithAMessageSayingWhatToSend(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await bot.Client.PostAsync("/api/ask", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("question", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedBody_Gets413()
    {
        var question = new string('a', 100 * 1024);
        using var response = await bot.Client.PostAsJsonAsync("/api/ask", new { question });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ArticlePage_ShowsTitleOutletDateAndText()
    {
        var page = await bot.Client.GetStringAsync("/articles/reuters-ishiba-lee-affirm-cooperation");

        Assert.Contains("Japan&#39;s Ishiba, South Korea&#39;s Lee affirm cooperation", page, StringComparison.Ordinal);
        Assert.Contains("Reuters", page, StringComparison.Ordinal);
        Assert.Contains("23 August 2025", page, StringComparison.Ordinal);
        Assert.Contains("reaffirmed their commitment to security cooperation", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownArticle_Is404()
    {
        using var response = await bot.Client.GetAsync("/articles/no-such-article");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
