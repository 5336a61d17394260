using System.Text.Json;
using Entente.Core.TransparencyLog;

namespace Entente.Core.Tests.TransparencyLog;

/// <summary>Reads the vectors copied into TestData, and builds small trees for the tests.</summary>
internal static class Vectors
{
    public static string TestDataPath(string name) => Path.Combine(AppContext.BaseDirectory, "TransparencyLog", "TestData", name);

    public static JsonElement Load(string name) => JsonDocument.Parse(File.ReadAllBytes(TestDataPath(name))).RootElement;

    public static byte[] B64(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? [] : Convert.FromBase64String(element.GetString()!);

    public static List<byte[]> B64List(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? [] : element.EnumerateArray().Select(B64).ToList();

    public static List<byte[]> HexList(JsonElement element) =>
        element.EnumerateArray().Select(e => Convert.FromHexString(e.GetString()!)).ToList();

    /// <summary>A tree over the given leaf hashes, with every perfect subtree stored.</summary>
    public static MemoryMerkleNodeStore BuildStore(IEnumerable<byte[]> leafHashes, out CompactMerkleTree tree)
    {
        var store = new MemoryMerkleNodeStore();
        tree = new CompactMerkleTree();
        foreach (var leaf in leafHashes)
        {
            tree.Append(leaf, store);
        }

        return store;
    }

    /// <summary>The RFC's recursive definition, straight from the text: the reference the fast code is checked against.</summary>
    public static byte[] ReferenceRoot(IReadOnlyList<byte[]> leafHashes, int start, int end)
    {
        var n = end - start;
        if (n == 0)
        {
            return MerkleHashing.EmptyRoot.ToArray();
        }

        if (n == 1)
        {
            return leafHashes[start];
        }

        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return MerkleHashing.HashChildren(ReferenceRoot(leafHashes, start, start + k), ReferenceRoot(leafHashes, start + k, end));
    }
}
