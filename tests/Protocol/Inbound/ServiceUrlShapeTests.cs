using System.Net;
using SummitBot.Tests.Protocol.Support;

namespace SummitBot.Tests.Protocol.Inbound;

/// <summary>
/// Requests that would make the bot send something a caller chose get 400 and no request at all: the
/// channel they name listens on 127.0.0.1 and counts what reaches it.
/// </summary>
public sealed class ServiceUrlShapeTests() : BotWithChannelTest()
{
    [Theory]
    [InlineData("{0}/teams/emea/?x=/other/path")]
    [InlineData("{0}/teams/emea/?")]
    [InlineData("{0}/teams/emea/#fragment")]
    [InlineData("{0}/teams/emea/#")]
    public async Task ServiceUrlWithAQueryOrFragment_Is400_AndTheChannelHearsNothing(string shape)
    {
        var serviceUrl = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, Channel.Root);

        var message = await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel).With("serviceUrl", serviceUrl).With("id", "refused-1"));
        var welcome = await Bot.PostActivityAsync(Fixtures.Load("teams-members-added", Channel).With("serviceUrl", serviceUrl).With("id", "refused-2"));

        Assert.Equal(HttpStatusCode.BadRequest, message.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, welcome.StatusCode);
        Assert.Contains("query or fragment", await message.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertTheChannelHeardNothingOfAsync("refused-1", "refused-2");
    }

    [Theory]
    [InlineData("user:password@")]
    [InlineData("user@")]
    [InlineData("@")]
    public async Task ServiceUrlWithUserInfo_Is400_AndTheChannelHearsNothing(string userInfo)
    {
        var serviceUrl = Channel.Root.Replace("://", "://" + userInfo, StringComparison.Ordinal) + "/teams/emea/";

        var response = await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel).With("serviceUrl", serviceUrl).With("id", "refused-1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("user info", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertTheChannelHeardNothingOfAsync("refused-1");
    }

    /// <summary>A well-formed message answered after the refused ones shows the bot was free to send, and did not.</summary>
    private async Task AssertTheChannelHeardNothingOfAsync(params string[] refusedIds)
    {
        await Bot.PostActivityAsync(Fixtures.Load("teams-personal-message", Channel));
        await Channel.WaitForMessageAsync();
        Assert.DoesNotContain(Channel.Posted, p => refusedIds.Contains(p.Activity.ReplyToId));
        Assert.Equal(2, Channel.Posted.Count);
        Assert.Single(Answers.Calls);
    }
}
