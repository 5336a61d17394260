using Entente.Core.ControlLists;

namespace Entente.Application.ControlLists;

/// <summary>The control list shipped with the product (embedded; see README.md in this folder for its source).</summary>
public static class ControlListCatalogue
{
    private const string ResourceName = "Entente.ControlLists.uk-control-list-2018.csv";

    private static readonly Lazy<ControlList> Shipped = new(Load);

    /// <summary>The UK control list (2018 snapshot), parsed once.</summary>
    public static ControlList UkControlList2018 => Shipped.Value;

    private static ControlList Load()
    {
        using var stream = typeof(ControlListCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return ControlList.ParseCsv(reader.ReadToEnd());
    }
}
