namespace Entente.Testing;

/// <summary>
/// Finds the public data set (`../shared/data` beside the repository) that evaluation tests read.
/// A user's clone has no such folder: tests call <see cref="RequireFile"/> and are skipped, with the reason shown,
/// rather than failing. <c>ENTENTE_SHARED_DATA</c> points elsewhere when set.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(Locate);

    public static string? Directory => Root.Value;

    /// <summary>The repository root: the folder holding Entente.slnx.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Entente.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Entente.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The full path of a file under shared/data, or skips the calling test with a visible reason.</summary>
    public static string RequireFile(string relativePath)
    {
        var root = Directory;
        if (root is null)
        {
            Assert.Skip("../shared/data is not beside this clone (set ENTENTE_SHARED_DATA to run the evaluations on the public data)");
        }

        var path = Path.Combine(root, relativePath);
        if (!File.Exists(path) && !System.IO.Directory.Exists(path))
        {
            Assert.Skip($"shared data file {relativePath} is absent");
        }

        return path;
    }

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("ENTENTE_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return System.IO.Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        }

        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
        return System.IO.Directory.Exists(candidate) ? candidate : null;
    }
}
