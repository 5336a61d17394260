using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
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
