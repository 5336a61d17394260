using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Entente.Application.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Application.Tests.Persistence;

public sealed class DataProtectionKeyTests : IDisposable
{
    private const string Password = "Test-Pfx-Password";

    private readonly string _pfx = Path.Combine(Path.GetTempPath(), "entente-dp-" + Guid.NewGuid().ToString("N") + ".pfx");

    private const string RotatedPassword = "Rotated-Pfx-Password";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The certificate that replaces <see cref="_pfx"/> when the operator rotates it.</summary>
    private readonly string _rotatedPfx = Path.Combine(Path.GetTempPath(), "entente-dp-" + Guid.NewGuid().ToString("N") + ".pfx");

    public DataProtectionKeyTests()
    {
        WriteCertificate(_pfx, Password, withPrivateKey: true);
        WriteCertificate(_rotatedPfx, RotatedPassword, withPrivateKey: true);
    }

    public void Dispose()
    {
        File.Delete(_pfx);
        File.Delete(_rotatedPfx);
    }

    private static void WriteCertificate(string path, string password, bool withPrivateKey)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Entente Data Protection Test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var exported = withPrivateKey ? null : X509CertificateLoader.LoadCertificate(certificate.RawData);
        File.WriteAllBytes(path, (exported ?? certificate).Export(X509ContentType.Pfx, password));
    }

    private static Dictionary<string, string?> Settings(string current, string currentPassword, params (string Path, string Password)[] previous)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DataProtection:CertificatePath"] = current,
            ["DataProtection:CertificatePassword"] = currentPassword,
        };
        for (var i = 0; i < previous.Length; i++)
        {
            settings[$"DataProtection:PreviousCertificates:{i}:Path"] = previous[i].Path;
            settings[$"DataProtection:PreviousCertificates:{i}:Password"] = previous[i].Password;
        }

        return settings;
    }

    private static async Task<List<string>> StoredKeysAsync(TestDatabase database)
    {
        await using var scope = database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EntenteDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Ct);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Keys_AreStoredEncryptedAndStillUnprotect_WhenACertificateIsConfigured(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DataProtection:CertificatePath"] = _pfx,
            ["DataProtection:CertificatePassword"] = Password,
        });

        var protectedPayload = database.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("two-factor secret");

        // Another process over the same database reads the key only by decrypting it with the certificate.
        await using var other = database.BuildServices();
        Assert.Equal("two-factor secret", other.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedPayload));
        var xml = Assert.Single(await StoredKeysAsync(database));
        Assert.Contains("<encryptedSecret", xml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("unencrypted form", xml, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Keys_AreStoredInTheClear_WhenNoCertificateIsConfigured(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        database.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("payload");

        var xml = Assert.Single(await StoredKeysAsync(database));
        Assert.Contains("<value>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("encryptedSecret", xml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void LoadCertificate_FailsNamingTheSetting_WhenTheFileIsMissingOrThePasswordWrong()
    {
        var missing = new DataProtectionKeyOptions { CertificatePath = _pfx + ".missing" };
        var wrongPassword = new DataProtectionKeyOptions { CertificatePath = _pfx, CertificatePassword = "wrong" };

        Assert.Contains("DataProtection:CertificatePath", Assert.Throws<InvalidOperationException>(missing.LoadCertificate).Message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:CertificatePassword", Assert.Throws<InvalidOperationException>(wrongPassword.LoadCertificate).Message, StringComparison.Ordinal);
        using var loaded = new DataProtectionKeyOptions { CertificatePath = _pfx, CertificatePassword = Password }.LoadCertificate();
        Assert.True(loaded.HasPrivateKey);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Unprotect_ReadsWhatTheOldCertificateProtected_WhenItIsListedAsPrevious(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Settings(_pfx, Password));
        var protectedPayload = database.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("sign-in cookie");

        // The operator rotates: the new certificate is current, the old one previous, and the key ring in the database is unchanged.
        await using var rotated = database.BuildServices(Settings(_rotatedPfx, RotatedPassword, (_pfx, Password)));
        Assert.Equal("sign-in cookie", rotated.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedPayload));

        // A key made after the rotation is encrypted to the new certificate alone: a node that no longer lists the old one reads it.
        var now = DateTimeOffset.UtcNow;
        var newKey = rotated.GetRequiredService<IKeyManager>().CreateNewKey(now.AddSeconds(-1), now.AddDays(90));
        var newKeyXml = (await StoredKeysAsync(database)).Single(xml => xml.Contains(newKey.KeyId.ToString(), StringComparison.OrdinalIgnoreCase));
        using (var rotatedCertificate = X509CertificateLoader.LoadPkcs12FromFile(_rotatedPfx, RotatedPassword))
        using (var oldCertificate = X509CertificateLoader.LoadPkcs12FromFile(_pfx, Password))
        {
            Assert.Contains(Convert.ToBase64String(rotatedCertificate.RawData), newKeyXml, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(oldCertificate.RawData), newKeyXml, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Unprotect_Fails_WhenTheOldCertificateIsReplacedWithoutBeingListedAsPrevious(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Settings(_pfx, Password));
        var protectedPayload = database.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("sign-in cookie");

        await using var replaced = database.BuildServices(Settings(_rotatedPfx, RotatedPassword));

        Assert.ThrowsAny<CryptographicException>(() => replaced.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedPayload));
    }

    [Fact]
    public void AddEntentePersistence_FailsNamingTheSettingAndIndex_WhenAPreviousCertificateCannotBeRead()
    {
        var noKey = Path.Combine(Path.GetTempPath(), "entente-dp-" + Guid.NewGuid().ToString("N") + ".pfx");
        WriteCertificate(noKey, "No-Key-Pfx-Password", withPrivateKey: false);
        try
        {
            var cases = new (string Path, string Password, string Setting)[]
            {
                (_pfx + ".missing", Password, "DataProtection:PreviousCertificates:1:Path"),
                (_pfx, "Wrong-Pfx-Password", "DataProtection:PreviousCertificates:1:Password"),
                (noKey, "No-Key-Pfx-Password", "DataProtection:PreviousCertificates:1:Path"),
            };
            foreach (var (path, password, setting) in cases)
            {
                // Index 0 is a good certificate, so the message has to name the entry that is wrong, not merely the list.
                var configuration = new ConfigurationBuilder()
                    .AddInMemoryCollection(Settings(_rotatedPfx, RotatedPassword, (_pfx, Password), (path, password))).Build();

                var message = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddEntentePersistence(configuration)).Message;

                Assert.Contains(setting, message, StringComparison.Ordinal);
                Assert.Contains(path, message, StringComparison.Ordinal);
                Assert.DoesNotContain(password, message, StringComparison.Ordinal);
                Assert.DoesNotContain(Password, message, StringComparison.Ordinal);
                Assert.DoesNotContain(RotatedPassword, message, StringComparison.Ordinal);
            }

            var unset = new DataProtectionKeyOptions { CertificatePath = _rotatedPfx, CertificatePassword = RotatedPassword };
            unset.PreviousCertificates.Add(new PreviousDataProtectionCertificate { Password = Password });
            Assert.Contains("DataProtection:PreviousCertificates:0:Path", Assert.Throws<InvalidOperationException>(() => unset.LoadPreviousCertificates()).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(noKey);
        }
    }

    [Fact]
    public void AddEntentePersistence_Fails_WhenPreviousCertificatesAreSetWithoutACurrentOne()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DataProtection:PreviousCertificates:0:Path"] = _pfx,
            ["DataProtection:PreviousCertificates:0:Password"] = Password,
        }).Build();

        var message = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddEntentePersistence(configuration)).Message;

        Assert.Contains("DataProtection:PreviousCertificates", message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:CertificatePath", message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadCertificate_NeverShowsThePassword_WhenItIsWrong()
    {
        var wrong = new DataProtectionKeyOptions { CertificatePath = _pfx, CertificatePassword = "Wrong-Pfx-Password" };

        var message = Assert.Throws<InvalidOperationException>(wrong.LoadCertificate).Message;

        Assert.DoesNotContain("Wrong-Pfx-Password", message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_BindsPreviousCertificates_FromEnvironmentVariables()
    {
        // A prefix of its own keeps this test's variables away from every other test's configuration.
        var prefix = "ENTENTE_TEST_" + Guid.NewGuid().ToString("N") + "_";
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [prefix + "DataProtection__CertificatePath"] = _rotatedPfx,
            [prefix + "DataProtection__PreviousCertificates__0__Path"] = _pfx,
            [prefix + "DataProtection__PreviousCertificates__0__Password"] = Password,
            [prefix + "DataProtection__PreviousCertificates__1__Path"] = "/etc/entente/older.pfx",
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var options = DataProtectionKeyOptions.From(new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build());

            Assert.Equal(_rotatedPfx, options.CertificatePath);
            Assert.Equal(2, options.PreviousCertificates.Count);
            Assert.Equal(_pfx, options.PreviousCertificates[0].Path);
            Assert.Equal(Password, options.PreviousCertificates[0].Password);
            Assert.Equal("/etc/entente/older.pfx", options.PreviousCertificates[1].Path);
            Assert.Null(options.PreviousCertificates[1].Password);
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }
}
