using SummitBot.Tests.Support;
using SummitBot.WebChat;

namespace SummitBot.Tests.WebChat;

/// <summary>The Web Chat bundle the build fetched, served from the bot's own origin at a versioned address.</summary>
public sealed class WebChatBundleTests
{
    [Fact]
    public async Task Bundle_IsServedAsJavaScript_FromTheBotsOrigin_CachedForAYear()
    {
        await using var bot = await BotHost.StartAsync(answers: null);

        using var response = await bot.Client.GetAsync(WebChatBundle.Address);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var script = await response.Content.ReadAsStringAsync();
        Assert.True(script.Length > 1_000_000, $"{script.Length} characters");
        Assert.Contains("renderWebChat", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Address_CarriesThePinnedVersion() => Assert.Matches(@"^/webchat/4\.18\.\d+/webchat\.js$", WebChatBundle.Address);
}
