using System.Reflection;

namespace Entente.Core.Tests;

public sealed class CorePurityTests
{
    private static readonly Assembly Core = typeof(Entente.Core.CoreAssembly).Assembly;

    [Fact]
    public void Core_ReferencesOnlyTheBaseLibrary()
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal) { "System.Runtime", "System.Collections", "System.Linq", "System.Memory", "System.Text.Json", "System.Runtime.Intrinsics", "System.Security.Cryptography", "System.Text.Encodings.Web", "System.Collections.Immutable", "System.Runtime.InteropServices", "System.Text.RegularExpressions", "System.Numerics.Vectors", "System.Threading", "System.Globalization", "System.Runtime.Numerics", "System.Collections.Concurrent", "System.ComponentModel.Primitives", "System.ComponentModel" };
        var referenced = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var foreign = referenced.Where(n => !allowed.Contains(n)).ToList();
        Assert.True(foreign.Count == 0, "Entente.Core references more than the base library: " + string.Join(", ", foreign));
    }

    [Fact]
    public void Core_DoesNoFileOrNetworkIo()
    {
        // The base library is allowed, but not its I/O corners: a reference to these types would mean Core reads or writes on its own.
        var forbiddenTypes = new[] { "System.IO.File", "System.IO.FileStream", "System.IO.Directory", "System.Net.Http.HttpClient", "System.DateTime.get_Now", "System.Console" };
        var referenced = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain("System.Net.Http", referenced);
        Assert.DoesNotContain("System.Console", referenced);
        Assert.DoesNotContain("System.IO.FileSystem", referenced);
        Assert.NotEmpty(forbiddenTypes);
    }
}
