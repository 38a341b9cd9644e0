using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace SummitBot.DirectLine;

/// <summary>
/// How the Data Protection keys that seal web chat tokens are protected where they are kept (section "DataProtection").
/// Without a certificate they are stored as Data Protection writes them, readable by whoever can read the state
/// database; with one, each key is encrypted to it, and only an instance holding the certificate's private key can
/// open the ring.
/// </summary>
public sealed class KeyRingProtectionOptions : IValidatableObject
{
    public const string Section = "DataProtection";

    /// <summary>A PFX (PKCS #12) file with the certificate and its private key that new keys are encrypted to. Default: none, keys unencrypted.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PFX file's password. A secret: never logged; set it in the environment (DataProtection__CertificatePassword) or user secrets.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Earlier certificates (PFX files, same password), so keys encrypted before a certificate was replaced still open.
    /// Default: none.
    /// </summary>
    public IList<string> PreviousCertificatePaths { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (path, key) in Certificates())
        {
            var (certificate, problem) = TryLoad(path);
            certificate?.Dispose();
            if (problem is not null)
            {
                yield return new ValidationResult($"{Section}:{key} '{path}' cannot be used to protect the key ring: {problem}", [key]);
            }
        }
    }

    /// <summary>The certificate with its private key, or why it cannot protect the ring (the exception's message, never the password).</summary>
    private (X509Certificate2? Certificate, string? Problem) TryLoad(string path)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, CertificatePassword);
            if (certificate.HasPrivateKey)
            {
                return (certificate, null);
            }

            certificate.Dispose();
            return (null, "it holds no private key");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
    }

    internal IEnumerable<(string Path, string Key)> Certificates() =>
        (CertificatePath is { Length: > 0 } current ? [(current, nameof(CertificatePath))] : Array.Empty<(string, string)>())
            .Concat(PreviousCertificatePaths.Select((p, i) => (p, $"{nameof(PreviousCertificatePaths)}:{i}")));

    /// <summary>
    /// Encrypts new keys to the certificate, and opens keys encrypted to it or to a previous one. The certificates are
    /// read here, as Data Protection takes them when it is configured; if one cannot be read nothing is configured,
    /// and the options' validation stops the start naming it.
    /// </summary>
    internal static void Configure(IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        dataProtection.Services.AddOptions<KeyRingProtectionOptions>().Bind(configuration.GetSection(Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(Section).Get<KeyRingProtectionOptions>();
        if (options?.CertificatePath is not { Length: > 0 })
        {
            return;
        }

        var loaded = options.Certificates().Select(c => options.TryLoad(c.Path).Certificate).ToList();
        if (loaded.Any(c => c is null))
        {
            loaded.ForEach(c => c?.Dispose());
            return;
        }

        var certificates = loaded.OfType<X509Certificate2>().ToArray();
        dataProtection.ProtectKeysWithCertificate(certificates[0]).UnprotectKeysWithAnyCertificate(certificates);
    }
}
