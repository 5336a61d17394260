namespace Entente.Web.Infrastructure;

public static class LocalUrl
{
    /// <summary>
    /// The return address when it is a local path, else the start page: no open redirects. A control character
    /// anywhere is refused too: browsers drop tabs and line breaks from a URL, so "/\t/evil.example" would become
    /// "//evil.example", and the framework's own redirect refuses such a path with an exception (a 500).
    /// </summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url)
        && url.StartsWith('/')
        && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !url.Any(char.IsControl)
            ? url
            : "/";
}
