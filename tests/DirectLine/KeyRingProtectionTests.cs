using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SummitBot.Tests.DirectLine.Support;
using SummitBot.Tests.Protocol.Support;
using SummitBot.Tests.Support;

namespace SummitBot.Tests.DirectLine;

/// <summary>
/// With DataProtection:CertificatePath, the keys that seal web chat tokens are kept encrypted to the certificate: the
/// state database alone cannot open them, an instance with the certificate can, after a restart too.
/// </summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string Password = "pfx-password-never-logged";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("summitbot-keyring-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task WithACertificate_TheKeysAreStoredEncrypted_AndATokenStillOpensAfterARestart_ButNotWithoutIt()
    {
        var certificate = WriteCertificate("current.pfx");
        string token, conversationId;
        await using (var bot = await StartAsync(Protected(certificate)))
        {
            (token, conversationId) = await new DirectLineClient(bot.Client).GenerateTokenAsync();
        }

        var stored = await StoredKeysAsync();
        Assert.NotEmpty(stored);
        Assert.All(stored, xml => Assert.Contains("EncryptedData", xml, StringComparison.Ordinal));
        Assert.All(stored, xml => Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal));   // the master key's plain text
        await using (var restarted = await StartAsync(Protected(certificate)))
        {
            using var started = await new DirectLineClient(restarted.Client).SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        }

        await using (var withoutIt = await StartAsync([]))
        {
            using var refused = await new DirectLineClient(withoutIt.Client).SendAsync(HttpMethod.Post, "/v3/directline/conversations", token);
            Assert.NotEqual(HttpStatusCode.Created, refused.StatusCode);
        }

        Assert.NotEmpty(conversationId);
    }

    [Fact]
    public async Task ACertificateThatCannotBeRead_StopsTheStart_NamingTheSetting_NotThePassword()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(Protected(Path.Combine(folder.FullName, "missing.pfx"))));

        Assert.Contains("DataProtection:CertificatePath", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure.Message, StringComparison.Ordinal);
    }

    private static string[] Protected(string path) => [$"DataProtection:CertificatePath={path}", $"DataProtection:CertificatePassword={Password}"];

    private Task<BotHost> StartAsync(string[] settings) =>
        BotHost.StartAsync(new RecordingAnswerStep(), [DirectLineClient.SecretSetting, $"State:Path={Path.Combine(folder.FullName, "state.db")}", .. settings]);

    private async Task<List<string>> StoredKeysAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.FullName, "state.db")}");
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT xml FROM dataprotection_keys";
        await using var rows = await read.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await rows.ReadAsync())
        {
            keys.Add(rows.GetString(0));
        }

        return keys;
    }

    private string WriteCertificate(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=SummitBot key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
