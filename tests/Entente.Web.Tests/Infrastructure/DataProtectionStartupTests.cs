using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Entente.Web.Tests.Infrastructure;

public sealed class DataProtectionStartupTests
{
    private const string Warning = "Data Protection keys are stored unencrypted";

    /// <summary>Starts a host on a database of its own (Production needs its own log signing key) and returns the warnings about keys.</summary>
    private static async Task<List<string>> StartAsync(string environment, IReadOnlyDictionary<string, string> settings)
    {
        var logs = new CapturingLoggerProvider();
        var signingKey = Path.Combine(Path.GetTempPath(), "entente-web-log-" + Guid.NewGuid().ToString("N") + ".skey");
        await File.WriteAllTextAsync(signingKey, Entente.Application.TransparencyLog.Ed25519Keys.Generate("entente.example/gb-ru-2014", cosigner: false).Format(), TestContext.Current.CancellationToken);
        await using var factory = new EntenteWebFactory(Provider.Sqlite);
        await using var node = factory.WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("TransparencyLog:SigningKeyFile", signingKey);
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }

            b.ConfigureLogging(l => l.AddProvider(logs));
        });
        try
        {
            using var client = node.CreateClient();
            await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
            return [.. logs.Messages.Where(m => m.Contains(Warning, StringComparison.Ordinal))];
        }
        finally
        {
            File.Delete(signingKey);
        }
    }

    [Fact]
    public async Task Start_LogsOneWarning_InProductionWithoutACertificate()
    {
        Assert.Single(await StartAsync("Production", new Dictionary<string, string>(StringComparer.Ordinal)));
        Assert.Empty(await StartAsync("Development", new Dictionary<string, string>(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Start_DoesNotWarn_InProductionWithACertificate()
    {
        var pfx = Path.Combine(Path.GetTempPath(), "entente-web-dp-" + Guid.NewGuid().ToString("N") + ".pfx");
        try
        {
            using (var rsa = RSA.Create(2048))
            {
                using var certificate = new CertificateRequest("CN=Entente keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                    .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pw"), TestContext.Current.CancellationToken);
            }

            Assert.Empty(await StartAsync("Production", new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["DataProtection:CertificatePath"] = pfx,
                ["DataProtection:CertificatePassword"] = "pw",
            }));
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private static string WriteCertificate(string password)
    {
        var pfx = Path.Combine(Path.GetTempPath(), "entente-web-dp-" + Guid.NewGuid().ToString("N") + ".pfx");
        using var rsa = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=Entente keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, password));
        return pfx;
    }

    private static WebApplicationFactory<Program> Node(EntenteWebFactory factory, IReadOnlyDictionary<string, string> settings) =>
        factory.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });

    private static async Task<HttpStatusCode> OpenWithCookieAsync(WebApplicationFactory<Program> node, string cookie)
    {
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/organisations/mine");
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode;
    }

    /// <summary>
    /// A sign-in cookie issued while the keys were encrypted to the old certificate is still accepted once the nodes move to a new
    /// certificate listing the old one as previous, and is not once the old one is dropped (so the first half can fail).
    /// </summary>
    [Fact]
    public async Task SignInCookie_SurvivesCertificateRotation_OnlyWhileTheOldCertificateIsListedAsPrevious()
    {
        var old = WriteCertificate("Old-Web-Pfx-Password");
        var replacement = WriteCertificate("New-Web-Pfx-Password");
        try
        {
            await using var database = new EntenteWebFactory(Provider.Sqlite);
            string cookie;
            await using (var before = Node(database, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["DataProtection:CertificatePath"] = old,
                ["DataProtection:CertificatePassword"] = "Old-Web-Pfx-Password",
            }))
            {
                var signedIn = await new BrowserlessSession(before).SignInAsync("member@severn.example", "Entente-Demo-2014", null);
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
                cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("entente.auth=", StringComparison.Ordinal)).Split(';')[0];
                Assert.Equal(HttpStatusCode.OK, await OpenWithCookieAsync(before, cookie));
            }

            await using (var rotatedNode = new EntenteWebFactory(database))
            await using (var rotated = Node(rotatedNode, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["DataProtection:CertificatePath"] = replacement,
                ["DataProtection:CertificatePassword"] = "New-Web-Pfx-Password",
                ["DataProtection:PreviousCertificates:0:Path"] = old,
                ["DataProtection:PreviousCertificates:0:Password"] = "Old-Web-Pfx-Password",
            }))
            {
                Assert.Equal(HttpStatusCode.OK, await OpenWithCookieAsync(rotated, cookie));
            }

            await using var forgetfulNode = new EntenteWebFactory(database);
            await using var forgetful = Node(forgetfulNode, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["DataProtection:CertificatePath"] = replacement,
                ["DataProtection:CertificatePassword"] = "New-Web-Pfx-Password",
            });
            Assert.NotEqual(HttpStatusCode.OK, await OpenWithCookieAsync(forgetful, cookie));
        }
        finally
        {
            File.Delete(old);
            File.Delete(replacement);
        }
    }

    [Fact]
    public async Task Start_FailsNamingTheSettingButNotThePassword_WhenAPreviousCertificateCannotBeRead()
    {
        var current = WriteCertificate("Current-Web-Pfx-Password");
        var previous = WriteCertificate("Previous-Web-Pfx-Password");
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync("Production", new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["DataProtection:CertificatePath"] = current,
                ["DataProtection:CertificatePassword"] = "Current-Web-Pfx-Password",
                ["DataProtection:PreviousCertificates:0:Path"] = previous,
                ["DataProtection:PreviousCertificates:0:Password"] = "Not-The-Previous-Password",
            }));

            // The host may wrap the registration's failure, so look for it down the chain; the whole report (every inner message) must keep the passwords out.
            var chain = new List<Exception>();
            for (var e = error; e is not null; e = e.InnerException)
            {
                chain.Add(e);
            }

            Assert.Contains(chain, e => e is InvalidOperationException && e.Message.Contains("DataProtection:PreviousCertificates:0:Password", StringComparison.Ordinal));
            Assert.DoesNotContain("Not-The-Previous-Password", error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Current-Web-Pfx-Password", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(current);
            File.Delete(previous);
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    messages.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
