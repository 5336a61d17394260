using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Entente.Web.Infrastructure;

/// <summary>
/// The refusal a form endpoint sends back to its page in the query string (<c>?error=</c>), sealed with Data
/// Protection: only this site can put words in a page's error notice, so a crafted link
/// (<c>?error=Your account is suspended, call …</c>) shows nothing.
/// </summary>
public static class FormErrors
{
    private const string Purpose = "Entente.Web.FormErrors";

    public static string Seal(HttpContext context, string detail) => Protector(context).Protect(detail);

    /// <summary>The sealed message, or null when there is none or it was not sealed here.</summary>
    public static string? Open(HttpContext context, string? sealedDetail)
    {
        if (string.IsNullOrEmpty(sealedDetail))
        {
            return null;
        }

        try
        {
            return Protector(context).Unprotect(sealedDetail);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static IDataProtector Protector(HttpContext context) =>
        context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
