using Microsoft.Extensions.Configuration;
using SummitBot.Protocol.Auth;

namespace SummitBot.Tests.Protocol.Auth;

public sealed class BotAuthOptionsTests
{
    [Theory]
    [InlineData(null, BotAppType.MultiTenant)]
    [InlineData("", BotAppType.MultiTenant)]
    [InlineData("not-a-type", BotAppType.MultiTenant)]
    [InlineData("42", BotAppType.MultiTenant)]
    [InlineData("SingleTenant", BotAppType.SingleTenant)]
    [InlineData("singletenant", BotAppType.SingleTenant)]
    [InlineData("UserAssignedMSI", BotAppType.UserAssignedMSI)]
    public void AppType_MissingOrUnknownValue_IsMultiTenant(string? configured, BotAppType expected)
    {
        Assert.Equal(expected, new BotAuthOptions { MicrosoftAppType = configured }.AppType);
    }

    [Fact]
    public void Binding_ReadsBotFrameworksFlatKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = TestTokens.AppId,
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppTenantId"] = "tenant",
        }).Build();

        var options = configuration.Get<BotAuthOptions>()!;

        Assert.Equal(BotAppType.SingleTenant, options.AppType);
        Assert.Equal(TestTokens.AppId, options.MicrosoftAppId);
        Assert.Equal("tenant", options.TokenTenant);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.ToBotFromChannelOpenIdMetadataUrl);
    }

    [Fact]
    public void TokenTenant_MultiTenant_IsBotFrameworkEvenWithATenantConfigured()
    {
        var options = new BotAuthOptions { MicrosoftAppId = TestTokens.AppId, MicrosoftAppTenantId = "tenant" };

        Assert.Equal("botframework.com", options.TokenTenant);
    }

    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData("MultiTenant", TestTokens.AppId, "secret", null)]
    [InlineData("SingleTenant", TestTokens.AppId, "secret", "tenant")]
    [InlineData("UserAssignedMSI", TestTokens.AppId, null, "tenant")]
    public void Validate_CompleteIdentity_Succeeds(string? type, string? id, string? password, string? tenant)
    {
        var result = new BotAuthOptionsValidator().Validate(null, Options(type, id, password, tenant));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("SingleTenant", TestTokens.AppId, "secret", null, "SingleTenant needs")]
    [InlineData("SingleTenant", TestTokens.AppId, null, "tenant", "SingleTenant needs")]
    [InlineData("SingleTenant", null, null, null, "SingleTenant needs")]
    [InlineData("UserAssignedMSI", TestTokens.AppId, null, null, "UserAssignedMSI needs")]
    [InlineData("UserAssignedMSI", TestTokens.AppId, "secret", "tenant", "MicrosoftAppPassword must be empty")]
    [InlineData("MultiTenant", TestTokens.AppId, null, null, "needs MicrosoftAppPassword")]
    public void Validate_IncompleteIdentity_NamesTheMissingKeysButNoValue(string? type, string? id, string? password, string? tenant, string message)
    {
        var result = new BotAuthOptionsValidator().Validate(null, Options(type, id, password, tenant));

        Assert.False(result.Succeeded);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(TestTokens.AppId, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("not a url")]
    [InlineData("")]
    public void Validate_MetadataUrlNotHttpsAndNotLoopback_Fails(string url)
    {
        var options = Options(null, null, null, null);
        options.ToBotFromChannelOpenIdMetadataUrl = url;

        var result = new BotAuthOptionsValidator().Validate(null, options);

        Assert.False(result.Succeeded);
        Assert.Contains(nameof(BotAuthOptions.ToBotFromChannelOpenIdMetadataUrl), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MetadataUrlOnLoopbackHttp_Succeeds()
    {
        var options = Options(null, null, null, null);
        options.ToBotFromChannelOpenIdMetadataUrl = "http://127.0.0.1:5001/.well-known/openid-configuration";

        Assert.True(new BotAuthOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("a tenant")]
    [InlineData("tenant?x=1")]
    [InlineData("tenant/other")]
    public void Validate_SingleTenantWithATenantThatIsNoIdOrDomain_FailsNamingTheKey(string tenant)
    {
        var result = new BotAuthOptionsValidator().Validate(null, Options("SingleTenant", TestTokens.AppId, "secret", tenant));

        Assert.False(result.Succeeded);
        Assert.Contains("MicrosoftAppTenantId must be a tenant id", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("72f988bf-86f1-41af-91ab-2d7cd011db47")]
    [InlineData("contoso.onmicrosoft.com")]
    public void Validate_SingleTenantWithAGuidOrDomainTenant_Succeeds(string tenant)
    {
        var result = new BotAuthOptionsValidator().Validate(null, Options("SingleTenant", TestTokens.AppId, "secret", tenant));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("MultiTenant", "secret", null)]
    [InlineData("SingleTenant", "secret", "tenant")]
    public void Validate_HttpLoginPrefixWithAnAppId_FailsNamingTheKey(string type, string? password, string? tenant)
    {
        var options = Options(type, TestTokens.AppId, password, tenant);
        options.ToChannelFromBotLoginUrlPrefix = "http://127.0.0.1:5001/";

        var result = new BotAuthOptionsValidator().Validate(null, options);

        Assert.False(result.Succeeded);
        Assert.Contains($"{nameof(BotAuthOptions.ToChannelFromBotLoginUrlPrefix)} must be an https URL", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "http://127.0.0.1:5001/")]
    [InlineData(TestTokens.AppId, "https://127.0.0.1:5001/")]
    public void Validate_LoginPrefix_HttpOnLoopbackPassesOnlyWithoutAnAppId(string? id, string prefix)
    {
        var options = Options(null, id, id is null ? null : "secret", null);
        options.ToChannelFromBotLoginUrlPrefix = prefix;

        var result = new BotAuthOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    private static BotAuthOptions Options(string? type, string? id, string? password, string? tenant) => new()
    {
        MicrosoftAppType = type,
        MicrosoftAppId = id,
        MicrosoftAppPassword = password,
        MicrosoftAppTenantId = tenant,
    };
}
