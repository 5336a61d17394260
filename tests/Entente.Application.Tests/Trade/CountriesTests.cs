using System.Globalization;
using Entente.Application.Trade;
using Entente.Core.Geography;

namespace Entente.Application.Tests.Trade;

public sealed class CountriesTests
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>Every code the platform accepts for a counterparty's country, found by asking Normalise about every pair of letters.</summary>
    private static List<string> AcceptedCodes() =>
        (from first in Enumerable.Range('A', 26)
         from second in Enumerable.Range('A', 26)
         let code = Countries.Normalise(string.Concat((char)first, (char)second))
         where code is not null
         select code).ToList();

    [Fact]
    public void Name_GivesARussianName_ForEveryCodeNormaliseAccepts()
    {
        var accepted = AcceptedCodes();
        // Without the runtime's region data (invariant globalisation) almost nothing is accepted and the check below would prove nothing.
        Assert.True(accepted.Count >= 240, $"Only {accepted.Count} codes accepted: is the runtime's region data missing?");

        // That the table's names are Cyrillic is the table's own test; here, that every accepted code reaches one.
        var missing = accepted.Where(code => RussianCountryNames.Find(code) is not { } name || Countries.Name(code, Russian) != name)
            .Select(code => code + "=" + Countries.Name(code, Russian)).ToList();
        Assert.True(missing.Count == 0, "No Russian name for: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("GB", "Великобритания")]
    [InlineData("RU", "Россия")]
    public void Name_IsTheRussianShortName_WhenCultureIsRussian(string code, string expected)
    {
        Assert.Equal(expected, Countries.Name(code, Russian));
        Assert.Equal(expected, Countries.Name(code, CultureInfo.GetCultureInfo("ru")));
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("")]
    public void Name_IsTheEnglishName_WhenCultureIsNotRussian(string culture)
    {
        var reader = CultureInfo.GetCultureInfo(culture);
        Assert.Equal("United Kingdom", Countries.Name("GB", reader));
        Assert.Equal("Russia", Countries.Name("RU", reader));
        Assert.Equal(Countries.EnglishName("KZ"), Countries.Name("KZ", reader));
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("IV")]
    [InlineData("")]
    public void Name_IsTheCode_WhenCodeNamesNoCountry(string code)
    {
        Assert.Equal(code, Countries.Name(code, Russian));
        Assert.Equal(code, Countries.Name(code, CultureInfo.GetCultureInfo("en-GB")));
    }

    [Theory]
    [InlineData("IV")]
    [InlineData("iv")]
    public void Normalise_ReturnsNull_WhenCodeIsTheInvariantRegion(string code) => Assert.Null(Countries.Normalise(code));

    [Theory]
    [InlineData(" gb ", "GB")]
    [InlineData("ru", "RU")]
    [InlineData("XK", "XK")]
    public void Normalise_ReturnsTheUpperCasedCode_WhenCodeNamesACountry(string code, string expected) =>
        Assert.Equal(expected, Countries.Normalise(code));
}
