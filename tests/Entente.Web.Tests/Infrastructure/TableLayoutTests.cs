using System.Text.RegularExpressions;

namespace Entente.Web.Tests.Infrastructure;

public sealed partial class TableLayoutTests
{
    /// <summary>
    /// Every data table of every page sits directly in a <c>.table-scroll</c> wrapper, so on a narrow screen it scrolls
    /// inside its card instead of widening the page (the browser tests check the result at phone width).
    /// </summary>
    [Fact]
    public void EveryGridTable_SitsInAScrollingWrapper()
    {
        var web = Path.Combine(Entente.Testing.SharedData.RepositoryRoot, "src", "Entente.Web");
        var unwrapped = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => Table().Matches(File.ReadAllText(file))
                .Where(m => !m.Groups["wrapped"].Success)
                .Select(m => $"{Path.GetFileName(file)}: {m.Groups["table"].Value}"))
            .ToList();
        Assert.True(unwrapped.Count == 0, "Tables outside a .table-scroll wrapper: " + string.Join(" | ", unwrapped));
    }

    [GeneratedRegex("(?<wrapped><div class=\"table-scroll\">\\s*)?(?<table><table\\b[^>]*>)")]
    private static partial Regex Table();
}
