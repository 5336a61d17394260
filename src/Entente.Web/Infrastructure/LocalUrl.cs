namespace Entente.Web.Infrastructure;

public static class LocalUrl
{
    /// <summary>The return address when it is a local path, else the start page: no open redirects.</summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
