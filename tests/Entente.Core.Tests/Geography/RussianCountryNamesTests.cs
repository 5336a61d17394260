using Entente.Core.Geography;

namespace Entente.Core.Tests.Geography;

public sealed class RussianCountryNamesTests
{
    [Theory]
    [InlineData("GB", "Великобритания")]
    [InlineData("RU", "Россия")]
    [InlineData("US", "США")]
    [InlineData("DE", "Германия")]
    [InlineData("KZ", "Казахстан")]
    [InlineData("CI", "Кот-д’Ивуар")]
    [InlineData("KR", "Республика Корея")]
    [InlineData("AE", "Объединенные Арабские Эмираты")]
    public void Find_ReturnsTheShortName_WhenCodeIsKnown(string code, string expected) =>
        Assert.Equal(expected, RussianCountryNames.Find(code));

    [Fact]
    public void Find_IgnoresCase_WhenCodeIsLowerCase() => Assert.Equal("Великобритания", RussianCountryNames.Find("gb"));

    [Theory]
    [InlineData("ZZ")]
    [InlineData("IV")]
    [InlineData("GBR")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_ReturnsNull_WhenCodeNamesNoCountry(string? code) => Assert.Null(RussianCountryNames.Find(code));

    [Fact]
    public void All_HoldsTwoUpperLetterCodes_WithCyrillicNames()
    {
        var wrong = RussianCountryNames.All
            .Where(pair => pair.Key.Length != 2 || !pair.Key.All(char.IsAsciiLetterUpper) || !IsRussianText(pair.Value))
            .Select(pair => pair.Key + "=" + pair.Value)
            .ToList();
        Assert.True(wrong.Count == 0, "Not a code with a Russian name: " + string.Join(", ", wrong));
    }

    [Fact]
    public void All_NamesEveryCountryOnce_WhenTwoCodesCouldShareAName()
    {
        // A name copied onto a second code would leave a reader unable to tell the two apart.
        var shared = RussianCountryNames.All.GroupBy(pair => pair.Value, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key + ": " + string.Join("/", g.Select(pair => pair.Key)))
            .ToList();
        Assert.True(shared.Count == 0, "Names given to more than one code: " + string.Join(", ", shared));
    }

    [Fact]
    public void All_CoversEveryAssignedCode_WhenCounted() =>
        // ISO 3166-1 assigns 249 codes; the table adds XK and the withdrawn CS, which the platform accepts.
        Assert.Equal(251, RussianCountryNames.All.Count);

    /// <summary>Cyrillic letters with the spaces and punctuation of names; no Latin letter left from a copied English name.</summary>
    internal static bool IsRussianText(string name) =>
        name.Length > 0
        && name.Any(c => c is >= 'А' and <= 'я' or 'Ё' or 'ё')
        && name.All(c => c is >= 'А' and <= 'я' or 'Ё' or 'ё' or ' ' or '-' or ',' or '(' or ')' or '’');
}
