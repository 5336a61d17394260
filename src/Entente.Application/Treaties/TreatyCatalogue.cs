using Entente.Application.ControlLists;
using Entente.Core.Assessment;
using Entente.Core.Treaties;

namespace Entente.Application.Treaties;

/// <summary>A treaty ready to assess against, or why it could not be loaded (one line per problem).</summary>
public sealed record TreatyLoad(AssessmentEngine? Engine, IReadOnlyList<string> Errors)
{
    public bool IsLoaded => Engine is not null;
}

/// <summary>
/// The treaties shipped with the product (embedded from the repository's treaties/ folder) and, for authorities testing
/// an amendment, a treaty file given by path. Ratings in the file are checked against the shipped control list.
/// </summary>
public static class TreatyCatalogue
{
    /// <summary>The id of the treaty the platform runs by default.</summary>
    public const string DefaultTreatyId = "gb-ru-2014";

    private static readonly Lazy<AssessmentEngine> DefaultEngine = new(() =>
        LoadShipped(DefaultTreatyId).Engine ?? throw new InvalidOperationException("the shipped treaty " + DefaultTreatyId + " does not load"));

    /// <summary>The ids of the shipped treaties.</summary>
    public static IReadOnlyList<string> ShippedIds => typeof(TreatyCatalogue).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("Entente.Treaties.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n["Entente.Treaties.".Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The engine for the default shipped treaty, built once.</summary>
    public static AssessmentEngine Default => DefaultEngine.Value;

    /// <summary>The default shipped treaty.</summary>
    public static Treaty DefaultTreaty => Default.Treaty;

    /// <summary>Loads a shipped treaty by id.</summary>
    public static TreatyLoad LoadShipped(string id)
    {
        using var stream = typeof(TreatyCatalogue).Assembly.GetManifestResourceStream("Entente.Treaties." + id + ".json");
        if (stream is null)
        {
            return new TreatyLoad(null, [$"no shipped treaty '{id}' (shipped: {string.Join(", ", ShippedIds)})"]);
        }

        return Build(TreatyLoader.Load(stream, ControlListCatalogue.UkControlList2018.Contains), "shipped treaty " + id);
    }

    /// <summary>Loads a treaty from JSON text (e.g. a draft amendment uploaded by an authority).</summary>
    public static TreatyLoad LoadJson(string json, string source) =>
        Build(TreatyLoader.Load(json, IsKnownRating), source);

    /// <summary>Loads a treaty file by path (the CLI's --treaty). Unreadable files are reported, not thrown.</summary>
    public static TreatyLoad LoadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new TreatyLoad(null, [$"cannot read treaty file {path}: {ex.Message}"]);
        }

        return LoadJson(json, path);
    }

    private static bool IsKnownRating(string code) => ControlListCatalogue.UkControlList2018.Contains(code);

    private static TreatyLoad Build(TreatyLoadResult result, string source) =>
        result.Treaty is { } treaty
            ? new TreatyLoad(new AssessmentEngine(treaty, ControlListCatalogue.UkControlList2018), [])
            : new TreatyLoad(null, result.Errors.Select(e => $"{source}: {e}").ToList());
}
