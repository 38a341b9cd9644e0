using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using SummitBot.DirectLine;

namespace SummitBot.Tests.DirectLine;

public sealed class DirectLineTokensTests
{
    private readonly DirectLineTokens tokens = new(new EphemeralDataProtectionProvider(), Options.Create(new DirectLineOptions()));

    [Fact]
    public void IssuedToken_ReadsAsItsConversation_ForThirtyMinutes()
    {
        var issued = tokens.ForNewConversation();

        Assert.Equal(issued.ConversationId, tokens.ConversationOf(issued.Token));
        Assert.InRange(issued.ExpiresIn, 1790, 1800);
        Assert.Matches("^[0-9a-f]{32}$", issued.ConversationId);
    }

    [Fact]
    public void NewConversations_HaveIdsNoOneCanGuess() =>
        Assert.NotEqual(tokens.ForNewConversation().ConversationId, tokens.ForNewConversation().ConversationId);

    [Fact]
    public void ExpiredToken_DoesNotRead_NorRefresh()
    {
        var expired = tokens.For("conversation-1", DateTimeOffset.UtcNow.AddSeconds(-1));

        Assert.Null(tokens.ConversationOf(expired.Token));
        Assert.Null(tokens.Refresh(expired.Token));
    }

    [Fact]
    public void RefreshedToken_IsNew_ForTheSameConversation()
    {
        var issued = tokens.For("conversation-1");

        var refreshed = tokens.Refresh(issued.Token)!;

        Assert.NotEqual(issued.Token, refreshed.Token);
        Assert.Equal("conversation-1", tokens.ConversationOf(refreshed.Token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void ForgedToken_DoesNotRead(string token) => Assert.Null(tokens.ConversationOf(token));

    [Fact]
    public void AlteredToken_DoesNotRead()
    {
        var issued = tokens.For("conversation-1").Token;
        var altered = issued[..^2] + (issued[^2] == 'A' ? 'B' : 'A') + issued[^1];

        Assert.Null(tokens.ConversationOf(altered));
    }

    [Fact]
    public async Task TheBot_IssuesTokensItReads_AndRefusesATooShortLifetimeAtStart()
    {
        await using (var bot = await SummitBot.Tests.Support.BotHost.StartAsync(answers: null))
        {
            var served = bot.Services.GetRequiredService<DirectLineTokens>();
            Assert.Equal("c-1", served.ConversationOf(served.For("c-1").Token));
        }

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SummitBot.Tests.Support.BotHost.StartAsync(answers: null, ["DirectLine:TokenLifetime=00:00:05"]));
        Assert.Contains("TokenLifetime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenFromAnotherKeyRing_DoesNotRead()
    {
        var foreign = new DirectLineTokens(new EphemeralDataProtectionProvider(), Options.Create(new DirectLineOptions())).For("conversation-1").Token;

        Assert.Null(tokens.ConversationOf(foreign));
    }
}
