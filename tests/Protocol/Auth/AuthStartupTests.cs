using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SummitBot.Hosting;
using SummitBot.Protocol.Auth;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.Protocol.Auth;

/// <summary>The web host starts with the authentication it was configured for, and says which.</summary>
public sealed class AuthStartupTests
{
    private const string Password = "p4ssw0rd-that-must-never-be-logged";
    private const string PublicBaseUrl = "--BotProtocol:PublicBaseUrl=https://summitbot.example.org";

    [Fact]
    public async Task Start_WithoutAppId_WarnsThatTheBotRunsUnauthenticated()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = Build(logs, "--MicrosoftAppId=");

        await app.StartAsync();

        Assert.Contains(logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains("UNAUTHENTICATED", StringComparison.Ordinal));
        await app.StopAsync();
    }

    [Fact]
    public async Task Start_WithAnIdentity_RegistersTheRealAuthenticationAndNeverLogsThePassword()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = Build(logs, $"--MicrosoftAppId={TestTokens.AppId}", $"--MicrosoftAppPassword={Password}", PublicBaseUrl);

        await app.StartAsync();

        Assert.IsType<BotFrameworkAuthenticator>(app.Services.GetRequiredService<IInboundAuthenticator>());
        Assert.IsType<MsalTokenProvider>(app.Services.GetRequiredService<IOutboundTokenProvider>());
        Assert.Contains(logs.Lines, line => line.Message.Contains(TestTokens.AppId, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Message.Contains(Password, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Message.Contains("UNAUTHENTICATED", StringComparison.Ordinal));
        await app.StopAsync();
    }

    [Fact]
    public async Task Start_UserAssignedManagedIdentity_UsesTheManagedIdentityTokenProvider()
    {
        await using var app = Build(new CapturingLoggerProvider(), "--MicrosoftAppType=UserAssignedMSI", $"--MicrosoftAppId={TestTokens.AppId}", "--MicrosoftAppTenantId=tenant", PublicBaseUrl);

        await app.StartAsync();

        Assert.IsType<ManagedIdentityTokenProvider>(app.Services.GetRequiredService<IOutboundTokenProvider>());
        await app.StopAsync();
    }

    [Fact]
    public async Task Start_SingleTenantWithoutTenant_FailsNamingTheKeysAndNotThePassword()
    {
        await using var app = Build(new CapturingLoggerProvider(), "--MicrosoftAppType=SingleTenant", $"--MicrosoftAppId={TestTokens.AppId}", $"--MicrosoftAppPassword={Password}");

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("MicrosoftAppTenantId", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAnAppIdButNoPublicBaseUrl_FailsNamingTheKey()
    {
        await using var app = Build(new CapturingLoggerProvider(), $"--MicrosoftAppId={TestTokens.AppId}", $"--MicrosoftAppPassword={Password}");

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("BotProtocol:PublicBaseUrl", failure.Message, StringComparison.Ordinal);
        Assert.Contains("BotProtocol:TrustForwardedHeaders", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAnAppIdBehindATrustedProxy_NeedsNoPublicBaseUrl()
    {
        await using var app = Build(new CapturingLoggerProvider(), $"--MicrosoftAppId={TestTokens.AppId}", $"--MicrosoftAppPassword={Password}", "--BotProtocol:TrustForwardedHeaders=true");

        await app.StartAsync();
        await app.StopAsync();
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/")]
    [InlineData("http://login.microsoftonline.com/")]
    [InlineData("https://login.microsoftonline.com/?tenant=")]
    public async Task Start_WithAnAppIdAndALoginPrefixMsalRefuses_FailsNamingTheKey_InsteadOfCrashing(string prefix)
    {
        await using var app = Build(
            new CapturingLoggerProvider(), $"--MicrosoftAppId={TestTokens.AppId}", $"--MicrosoftAppPassword={Password}", PublicBaseUrl, $"--ToChannelFromBotLoginUrlPrefix={prefix}");

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("ToChannelFromBotLoginUrlPrefix", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure.Message, StringComparison.Ordinal);
    }

    private static WebApplication Build(CapturingLoggerProvider logs, params string[] settings) =>
        BotApplication.Build(["--urls=http://127.0.0.1:0", .. settings], services => services.AddSingleton<ILoggerProvider>(logs));
}
