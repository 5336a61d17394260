using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Entente.Core.Tests;

/// <summary>Keeps Entente.Core pure: only the base library, and none of its I/O or clock corners.</summary>
public sealed class CorePurityTests
{
    private static readonly Assembly Core = typeof(Entente.Core.CoreAssembly).Assembly;

    [Fact]
    public void Core_ReferencesOnlyTheBaseLibrary()
    {
        // Every assembly of the base library ships in the runtime's own folder; a package's would not.
        var runtime = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
        var foreign = Core.GetReferencedAssemblies()
            .Where(a => !File.Exists(Path.Combine(runtime, a.Name + ".dll")))
            .Select(a => a.Name)
            .ToList();
        Assert.True(foreign.Count == 0, "Entente.Core references more than the base library: " + string.Join(", ", foreign));

        var hosting = Core.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("System.Net", StringComparison.Ordinal) || n is "System.Console" or "System.Diagnostics.Process").ToList();
        Assert.True(hosting.Count == 0, "Entente.Core references I/O assemblies: " + string.Join(", ", hosting));
    }

    [Fact]
    public void Core_UsesNoFileSystemConsoleNetworkOrWallClock()
    {
        var forbiddenTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "System.IO.File", "System.IO.FileInfo", "System.IO.Directory", "System.IO.DirectoryInfo", "System.IO.FileStream",
            "System.Console", "System.Net.Http.HttpClient", "System.Diagnostics.Process", "System.Random",
        };
        using var stream = File.OpenRead(Core.Location);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();

        var usedTypes = reader.TypeReferences.Select(h => reader.GetTypeReference(h)).Select(t => reader.GetString(t.Namespace) + "." + reader.GetString(t.Name)).ToList();
        var forbidden = usedTypes.Where(forbiddenTypes.Contains).ToList();
        Assert.True(forbidden.Count == 0, "Entente.Core uses " + string.Join(", ", forbidden));

        // The clock comes in as TimeProvider or a parameter: no DateTime.Now, UtcNow or Today inside Core.
        var clockReads = reader.MemberReferences.Select(h => reader.GetMemberReference(h))
            .Where(m => m.Parent.Kind == HandleKind.TypeReference)
            .Select(m => (Type: reader.GetString(reader.GetTypeReference((TypeReferenceHandle)m.Parent).Name), Member: reader.GetString(m.Name)))
            .Where(m => m.Type is "DateTime" or "DateTimeOffset" && m.Member is "get_Now" or "get_UtcNow" or "get_Today")
            .ToList();
        Assert.Empty(clockReads);
    }
}
