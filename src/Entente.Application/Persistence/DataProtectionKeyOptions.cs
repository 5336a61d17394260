using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace Entente.Application.Persistence;

/// <summary>
/// How the Data Protection keys (which protect sign-in cookies and antiforgery tokens) are kept
/// in the database: encrypted to an X.509 certificate when <see cref="CertificatePath"/> is set, in the clear otherwise.
/// Bound from the <c>DataProtection</c> section.
/// </summary>
public sealed class DataProtectionKeyOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS #12 (.pfx) file holding the certificate and its private key; every web node needs the same one.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of the .pfx file, if it has one (pass it by environment variable or secret store, not in a file).</summary>
    public string? CertificatePassword { get; set; }

    public bool EncryptsKeys => !string.IsNullOrWhiteSpace(CertificatePath);

    public static DataProtectionKeyOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DataProtectionKeyOptions>() ?? new DataProtectionKeyOptions();

    /// <summary>Loads the certificate, failing at start with a message naming the setting rather than later at the first sign-in.</summary>
    public X509Certificate2 LoadCertificate()
    {
        var path = CertificatePath!;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath names '{path}', which does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, CertificatePassword);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath '{path}' could not be read as a PKCS #12 file with the given DataProtection:CertificatePassword: {e.Message}", e);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"The certificate in '{path}' has no private key, so the keys it encrypts could not be read back.");
        }

        return certificate;
    }
}
