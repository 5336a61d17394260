namespace Entente.Web.Infrastructure;

internal static partial class StartupWarnings
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Data Protection keys are stored unencrypted in the database: set DataProtection:CertificatePath (and DataProtection:CertificatePassword) to encrypt them to a certificate.")]
    public static partial void KeysStoredUnencrypted(ILogger logger);
}
