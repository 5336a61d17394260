using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
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

    /// <summary>
    /// Certificates that encrypted keys before the current one replaced them: keys are still read back with them, never
    /// written to them, so an operator can rotate the certificate without signing everyone out
    /// (<c>DataProtection:PreviousCertificates:0:Path</c>, <c>DataProtection__PreviousCertificates__0__Path</c> in the environment).
    /// </summary>
    // Get-only so the configuration binder fills the list in place (CA2227); the binder needs a concrete List to add to.
    public List<PreviousDataProtectionCertificate> PreviousCertificates { get; } = [];

    public bool EncryptsKeys => !string.IsNullOrWhiteSpace(CertificatePath);

    public static DataProtectionKeyOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DataProtectionKeyOptions>() ?? new DataProtectionKeyOptions();

    /// <summary>
    /// Encrypts new keys to the current certificate and reads old ones back with it or any previous certificate, loading
    /// every certificate now so a bad setting stops the start rather than the first sign-in. Does nothing without a current certificate.
    /// </summary>
    public void ApplyTo(IDataProtectionBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var previous = LoadPreviousCertificates();
        if (!EncryptsKeys)
        {
            return;
        }

        // Also registers the current certificate for decryption, so reading keys back needs no certificate store.
        builder.ProtectKeysWithCertificate(LoadCertificate());
        if (previous.Length > 0)
        {
            builder.UnprotectKeysWithAnyCertificate(previous);
        }
    }

    /// <summary>Loads the certificate, failing at start with a message naming the setting rather than later at the first sign-in.</summary>
    public X509Certificate2 LoadCertificate() =>
        Load(CertificatePath!, CertificatePassword, $"{Section}:CertificatePath", $"{Section}:CertificatePassword");

    /// <summary>
    /// Loads the previous certificates, failing with a message naming the setting and its index (never the password) when one
    /// cannot be read, and when any is set without a current certificate to encrypt new keys to.
    /// </summary>
    public X509Certificate2[] LoadPreviousCertificates()
    {
        if (PreviousCertificates.Count == 0)
        {
            return [];
        }

        if (!EncryptsKeys)
        {
            throw new InvalidOperationException(
                $"{Section}:PreviousCertificates is set but {Section}:CertificatePath is not: previous certificates only read back keys, so a current certificate must be set to encrypt new ones.");
        }

        var loaded = new List<X509Certificate2>(PreviousCertificates.Count);
        try
        {
            for (var i = 0; i < PreviousCertificates.Count; i++)
            {
                var setting = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Section}:PreviousCertificates:{i}");
                var path = PreviousCertificates[i]?.Path;
                if (string.IsNullOrWhiteSpace(path))
                {
                    throw new InvalidOperationException($"{setting}:Path is not set.");
                }

                loaded.Add(Load(path, PreviousCertificates[i].Password, setting + ":Path", setting + ":Password"));
            }
        }
        catch
        {
            foreach (var certificate in loaded)
            {
                certificate.Dispose();
            }

            throw;
        }

        return [.. loaded];
    }

    private static X509Certificate2 Load(string path, string? password, string pathSetting, string passwordSetting)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{pathSetting} names '{path}', which does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"{pathSetting} '{path}' could not be read as a PKCS #12 file with the given {passwordSetting}: {e.Message}", e);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"The certificate in '{path}' ({pathSetting}) has no private key, so the keys it encrypts could not be read back.");
        }

        return certificate;
    }
}

/// <summary>One entry of <c>DataProtection:PreviousCertificates</c>: a .pfx file that once encrypted the keys, and its password.</summary>
public sealed class PreviousDataProtectionCertificate
{
    public string? Path { get; set; }

    public string? Password { get; set; }
}
