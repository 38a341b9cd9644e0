using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SummitBot.Protocol.Auth;

namespace SummitBot.Tests.Protocol.Auth;

/// <summary>Keys are cached, and a token signed with a newly published key triggers a refresh that it benefits from.</summary>
public sealed class KeyRotationTests : IAsyncLifetime, IDisposable
{
    private readonly TestSigningKey _oldKey = new("msteams");
    private readonly TestSigningKey _newKey = new("msteams");
    private FakeOpenIdServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenIdServer.StartAsync();
        _server.PublishChannelKey(_oldKey);
    }

    [Fact]
    public async Task Keys_are_downloaded_once_and_then_served_from_the_cache()
    {
        var authenticator = Authenticator();

        for (var i = 0; i < 3; i++)
        {
            var result = await authenticator.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(_oldKey)), "msteams", TestTokens.ServiceUrl, CancellationToken.None);
            Assert.True(result.IsAuthenticated, result.Reason);
        }

        Assert.Equal(1, _server.ChannelKeyDownloads);
    }

    [Fact]
    public async Task Token_signed_with_a_key_published_after_the_keys_were_cached_is_accepted_on_its_first_request()
    {
        var authenticator = Authenticator();
        var before = await authenticator.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(_oldKey)), "msteams", TestTokens.ServiceUrl, CancellationToken.None);
        Assert.True(before.IsAuthenticated, before.Reason);

        _server.PublishChannelKey(_newKey);
        var after = await authenticator.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(_newKey)), "msteams", TestTokens.ServiceUrl, CancellationToken.None);

        Assert.True(after.IsAuthenticated, after.Reason);
        Assert.Equal(2, _server.ChannelKeyDownloads);
    }

    [Fact]
    public async Task Unreachable_metadata_refuses_the_request_instead_of_failing_it()
    {
        var settings = OpenIdFixture.Settings(_server, TestTokens.AppId);
        settings.ToBotFromChannelOpenIdMetadataUrl = "http://127.0.0.1:9/nothing-listens-here";
        var authenticator = new BotFrameworkAuthenticator(Options.Create(settings), new TestHttpClientFactory(), NullLogger<BotFrameworkAuthenticator>.Instance);

        var result = await authenticator.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(_oldKey)), "msteams", TestTokens.ServiceUrl, CancellationToken.None);

        Assert.False(result.IsAuthenticated);
        Assert.Contains("signing keys are unavailable", result.Reason, StringComparison.Ordinal);
    }

    private BotFrameworkAuthenticator Authenticator() =>
        new(Options.Create(OpenIdFixture.Settings(_server, TestTokens.AppId)), new TestHttpClientFactory(), NullLogger<BotFrameworkAuthenticator>.Instance);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _oldKey.Dispose();
        _newKey.Dispose();
    }
}
