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

    /// <summary>Pairs checked by hand where the English name is the project's own rather than the runtime's.</summary>
    private static readonly Dictionary<string, (string English, string Russian)> OwnEnglishPairs = new(StringComparer.Ordinal)
    {
        ["CS"] = ("Serbia and Montenegro", "Сербия и Черногория"),
        ["EH"] = ("Western Sahara", "Западная Сахара"),
    };

    /// <summary>
    /// Codes whose Russian name (ОКСМ's short name) is worded differently from the runtime's own Russian name for the
    /// region, each checked by hand to name the same country: an abbreviation spelt out or a longer form (AE, US, ZA, FM,
    /// CD, CG, SV, TL), ОКСМ's spelling of the same place (AX, GS, PN, SX, TC), an island group named without its "islands"
    /// (BM, SC), or the bracketed qualifiers of the runtime's names (HK, MO, MM, UM, VG, VI) written the ОКСМ way; MF
    /// and SX say which part of Saint Martin; SH, TW and PS are ОКСМ's names for the same code's territory. The value is the
    /// runtime's Russian name as reviewed, so a change in the runtime's data brings the pair back for review.
    /// </summary>
    private static readonly Dictionary<string, string> ReviewedRussianDifferences = new(StringComparer.Ordinal)
    {
        ["AE"] = "ОАЭ",
        ["AX"] = "Аландские о-ва",
        ["BM"] = "Бермудские о-ва",
        ["CC"] = "Кокосовые о-ва",
        ["CD"] = "Конго - Киншаса",
        ["CG"] = "Конго - Браззавиль",
        ["FM"] = "Федеративные Штаты Микронезии",
        ["GS"] = "Южная Георгия и Южные Сандвичевы о-ва",
        ["HK"] = "Гонконг [САР]",
        ["HM"] = "о-ва Херд и Макдональд",
        ["MF"] = "Сен-Мартен",
        ["MM"] = "Мьянма [Бирма]",
        ["MO"] = "Макао [САР]",
        ["PG"] = "Папуа — Новая Гвинея",
        ["PN"] = "о-ва Питкэрн",
        ["PS"] = "Палестинские территории",
        ["SC"] = "Сейшельские о-ва",
        ["SH"] = "о-в Св. Елены",
        ["SV"] = "Сальвадор",
        ["SX"] = "Синт-Мартен",
        ["TC"] = "Тёркс и Кайкос",
        ["TL"] = "Восточный Тимор",
        ["TW"] = "Тайвань",
        ["UM"] = "Внешние малые о-ва [США]",
        ["US"] = "Соединенные Штаты",
        ["VG"] = "Виргинские о-ва [Великобритания]",
        ["VI"] = "Виргинские о-ва [США]",
        ["ZA"] = "Южно-Африканская Республика",
    };

    [Fact]
    public void Name_NamesTheSameCountryInEnglishAndRussian_ForEveryCodeInTheRussianTable()
    {
        var english = CultureInfo.GetCultureInfo("en-GB");
        var wrong = new List<string>();
        foreach (var (code, russian) in RussianCountryNames.All.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var shown = Countries.Name(code, english);
            if (string.Equals(shown, code, StringComparison.Ordinal))
            {
                wrong.Add($"{code}: the English page shows the bare code, the Russian page \"{russian}\"");
            }
            else if (!string.Equals(shown, RuntimeEnglishName(code), StringComparison.Ordinal))
            {
                // The project's own English name: only a pair checked by hand may stand.
                if (!OwnEnglishPairs.TryGetValue(code, out var pair) || pair != (shown, russian))
                {
                    wrong.Add($"{code}: own English name \"{shown}\" with \"{russian}\" is not a reviewed pair");
                }
            }
            else
            {
                // The runtime's English name: its data names the same region in Russian too, which the table must match
                // or differ from only as reviewed.
                var runtimeRussian = RuntimeRussianName(code);
                var same = Comparable(runtimeRussian) == Comparable(russian)
                    || (ReviewedRussianDifferences.TryGetValue(code, out var reviewed) && Comparable(reviewed) == Comparable(runtimeRussian));
                if (!same)
                {
                    wrong.Add($"{code}: English \"{shown}\" (in Russian \"{runtimeRussian}\") but Russian \"{russian}\"");
                }
            }
        }

        Assert.True(wrong.Count == 0, "English and Russian name different countries: " + string.Join("; ", wrong));
    }

    [Fact]
    public void Name_GivesEveryCodeItsOwnEnglishName_WhenTwoCodesCouldShareOne()
    {
        // Two codes shown alike would leave an English reader unable to tell the two countries apart, as the Russian table's own test requires of Russian.
        var english = CultureInfo.GetCultureInfo("en-GB");
        var shared = AcceptedCodes().GroupBy(code => Countries.Name(code, english), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key + ": " + string.Join("/", g))
            .ToList();
        Assert.True(shared.Count == 0, "English names given to more than one code: " + string.Join(", ", shared));
    }

    [Theory]
    [InlineData("CS", "Serbia and Montenegro", "Сербия и Черногория")]
    [InlineData("RS", "Serbia", "Сербия")]
    [InlineData("EH", "Western Sahara", "Западная Сахара")]
    public void Name_NamesTheCountryTheCodeMeans_WhenTheRuntimeNamesItOtherwiseOrNotAtAll(string code, string english, string russian)
    {
        Assert.Equal(code, Countries.Normalise(code.ToLowerInvariant()));
        Assert.Equal(english, Countries.Name(code, CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal(russian, Countries.Name(code, Russian));
    }

    private static string? RuntimeEnglishName(string code)
    {
        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The runtime's Russian name for the region, read from a Russian culture's native name: "русский (Сербия)".</summary>
    private static string RuntimeRussianName(string code)
    {
        var native = CultureInfo.GetCultureInfo("ru-" + code).NativeName;
        var open = native.IndexOf('(', StringComparison.Ordinal);
        return open >= 0 && native.EndsWith(')') ? native[(open + 1)..^1] : native;
    }

    /// <summary>Lower case, е for ё (as ОКСМ writes), and the runtime's abbreviations for island and islands spelt out.</summary>
    private static string Comparable(string name) =>
        string.Join(' ', name.ToLowerInvariant().Replace('ё', 'е').Split(' ')
            .Select(word => word switch { "о-в" => "остров", "о-ва" => "острова", _ => word }));

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
