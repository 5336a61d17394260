using System.Text.RegularExpressions;

namespace Entente.Web.Tests.Infrastructure;

public sealed partial class LocalisationTests
{
    /// <summary>Every interface text a page asks for has a Russian translation: a new page cannot ship half-translated.</summary>
    [Fact]
    public void EveryPageText_HasARussianTranslation()
    {
        var web = Path.Combine(Entente.Testing.SharedData.RepositoryRoot, "src", "Entente.Web");
        var missing = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => Key().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .Where(key => !Entente.Web.Infrastructure.Russian.Text.ContainsKey(key))
            .ToList();
        Assert.True(missing.Count == 0, "No Russian for: " + string.Join(" | ", missing));
    }

    [Fact]
    public void EveryFieldLabel_HasARussianTranslation() =>
        Assert.Empty(Entente.Web.Infrastructure.English.Fields.Keys.Except(Entente.Web.Infrastructure.Russian.Fields.Keys, StringComparer.Ordinal));

    [GeneratedRegex("T\\[\"([^\"]+)\"\\]")]
    private static partial Regex Key();
}
