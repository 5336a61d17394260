using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Entente.Application.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Application.Tests.Persistence;

public sealed class DataProtectionKeyTests : IDisposable
{
    private const string Password = "Test-Pfx-Password";

    private readonly string _pfx = Path.Combine(Path.GetTempPath(), "entente-dp-" + Guid.NewGuid().ToString("N") + ".pfx");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public DataProtectionKeyTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Entente Data Protection Test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_pfx, certificate.Export(X509ContentType.Pfx, Password));
    }

    public void Dispose() => File.Delete(_pfx);

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
}
