namespace Entente.Core;

/// <summary>Marker for the Core assembly, used by tests that check what Core may reference.</summary>
public static class CoreAssembly
{
    /// <summary>The version of the rules engine, reported with every decision alongside the treaty version.</summary>
    public const string Name = "Entente.Core";
}
