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
            string? problem;
            try
            {
                using var certificate = Load(path);
                problem = certificate.HasPrivateKey ? null : "it holds no private key";
            }
            catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
            {
                // The exception's message, never the password.
                problem = e.Message;
            }

            if (problem is not null)
            {
                yield return new ValidationResult($"{Section}:{key} '{path}' cannot be used to protect the key ring: {problem}", [key]);
            }
        }
    }

    internal X509Certificate2 Load(string path) => X509CertificateLoader.LoadPkcs12FromFile(path, CertificatePassword);

    internal IEnumerable<(string Path, string Key)> Certificates() =>
        (CertificatePath is { Length: > 0 } current ? [(current, nameof(CertificatePath))] : Array.Empty<(string, string)>())
            .Concat(PreviousCertificatePaths.Select((p, i) => (p, $"{nameof(PreviousCertificatePaths)}:{i}")));

    /// <summary>
    /// Encrypts new keys to the certificate, and opens keys encrypted to it or to a previous one. The certificates are
    /// read here, as Data Protection takes them when it is configured; one that cannot be read is left out, and the
    /// options' validation stops the start naming it.
    /// </summary>
    internal static void Configure(IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        dataProtection.Services.AddOptions<KeyRingProtectionOptions>().Bind(configuration.GetSection(Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(Section).Get<KeyRingProtectionOptions>();
        if (options?.CertificatePath is not { Length: > 0 } || options.Validate(new ValidationContext(options)).Any())
        {
            return;
        }

        var certificates = options.Certificates().Select(c => options.Load(c.Path)).ToArray();
        dataProtection.ProtectKeysWithCertificate(certificates[0]).UnprotectKeysWithAnyCertificate(certificates);
    }
}
