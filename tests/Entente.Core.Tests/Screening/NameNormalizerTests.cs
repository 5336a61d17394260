using System.Text.Json;
using Entente.Core.Screening;
using Entente.Testing;

namespace Entente.Core.Tests.Screening;

public sealed class NameNormalizerTests
{
    [Theory]
    [InlineData("Калашников", "Kalashnikov")]
    [InlineData("Kalashnikoff", "KALASHNIKOV")]
    [InlineData("Kalaschnikow", "Kalashnikov")]
    [InlineData("Рособоронэкспорт", "Rosoboroneksport")]
    [InlineData("Rosoboronexport", "Rosoboroneksport")]
    [InlineData("Юрий", "Iurii")]
    [InlineData("Yuriy", "Jurij")]
    [InlineData("Щеглова", "Shcheglova")]
    [InlineData("Shcheglova", "Ŝeglova")]
    [InlineData("Цветков", "Tzvetkov")]
    [InlineData("Tsvetkov", "Cvetkov")]
    [InlineData("Хабаров", "Habarov")]
    [InlineData("Vasil'yevich", "Vasilevich")]
    [InlineData("Артём", "Artem")]
    [InlineData("Мария", "Mariya")]
    [InlineData("Maria", "Mariia")]
    [InlineData("НТЦ", "NTTS")]
    [InlineData("Kassym", "Kasym")]
    [InlineData("OBSCHCHESTVO", "Общество")]
    public void Skeleton_IsEqual_WhenSpellingsOfOneName(string a, string b)
    {
        Assert.Equal(NameNormalizer.NormalizeToken(a).Skeleton, NameNormalizer.NormalizeToken(b).Skeleton);
    }

    [Theory]
    [InlineData("Ivanov", "Petrov")]
    [InlineData("Sokolov", "Sobolev")]
    [InlineData("CCP", "TSP")]
    [InlineData("AAC", "AYACH")]
    [InlineData("PPI", "PI")]
    [InlineData("SSSR", "SSR")]
    public void Skeleton_Differs_WhenNamesDiffer(string a, string b)
    {
        Assert.NotEqual(NameNormalizer.NormalizeToken(a).Skeleton, NameNormalizer.NormalizeToken(b).Skeleton);
    }

    [Fact]
    public void Tokenize_FoldsCompatibilityFormsCaseAndAccents()
    {
        var tokens = NameNormalizer.Tokenize("ＧＡＺＰＲＯＭ  Société Générale");
        Assert.Equal(["gazprom", "societe", "generale"], tokens.Select(t => t.Folded));
    }

    [Fact]
    public void Tokenize_JoinsInitialisms_AndApostrophes()
    {
        var tokens = NameNormalizer.Tokenize("O.O.O. Vasil'yev");
        Assert.Equal(["ooo", "vasilyev"], tokens.Select(t => t.Folded));
    }

    [Theory]
    [InlineData("ZAVOD IM. A.A.KULAKOVA", new[] { "zavod", "im", "aa", "kulakova" })]
    [InlineData("S.A.SU", new[] { "sa", "su" })]
    [InlineData("L.L.C.", new[] { "llc" })]
    public void Tokenize_KeepsTheSurname_WhenInitialsAreWrittenAgainstIt(string name, string[] expected)
    {
        Assert.Equal(expected, NameNormalizer.Tokenize(name).Select(t => t.Folded));
    }

    [Theory]
    [InlineData("61ST", "61")]
    [InlineData("234th", "234")]
    [InlineData("2ND", "2")]
    [InlineData("3rd", "3")]
    [InlineData("FIRST", "first")]
    [InlineData("0DAY", "0day")]
    [InlineData("5TH1", "5th1")]
    public void NormalizeToken_ReadsAnEnglishOrdinal_AsItsNumber(string word, string folded)
    {
        Assert.Equal(folded, NameNormalizer.NormalizeToken(word).Folded);
    }

    [Fact]
    public void NormalizeToken_FoldsCyrillicLookAlikes_WhenLatinWordContainsThem()
    {
        // "ROSOBORONEXPORT" with a Cyrillic О and Р.
        var token = NameNormalizer.NormalizeToken("R\u041ESOBORONEX\u0420ORT");
        Assert.Equal("rosoboronexport", token.Folded);
        Assert.True(token.Traits.HasFlag(TokenTraits.Homoglyph));
    }

    [Fact]
    public void NormalizeToken_FoldsLatinLookAlikes_WhenCyrillicWordContainsThem()
    {
        // "Рособоронэкспорт" with a Latin P and o.
        var token = NameNormalizer.NormalizeToken("Pocoбopoнэкспорт");
        Assert.Equal(NameNormalizer.NormalizeToken("Рособоронэкспорт").Skeleton, token.Skeleton);
        Assert.True(token.Traits.HasFlag(TokenTraits.Homoglyph));
    }

    [Fact]
    public void NormalizeToken_FoldsGreekLookAlikes_WhenLatinWordContainsThem()
    {
        Assert.Equal("kalashnikov", NameNormalizer.NormalizeToken("K\u0391LASHNIK\u039FV").Folded);
    }

    [Theory]
    [InlineData("OOO Romashka", "Romashka", "OOO")]
    [InlineData("ООО «Ромашка»", "Ромашка", "ООО")]
    [InlineData("Rosoboronexport JSC", "Rosoboronexport", "JSC")]
    [InlineData("PJSC Gazprom", "Gazprom", "PJSC")]
    [InlineData("Acme Ltd.", "Acme", "Ltd")]
    [InlineData("Acme plc", "Acme", "plc")]
    [InlineData("Mr John Smith", "John Smith", "Mr")]
    [InlineData("Obshchestvo s ogranichennoy otvetstvennostyu Vega", "Vega", "Obshchestvo s ogranichennoy otvetstvennostyu")]
    public void Analyze_DropsLegalFormsAndTitles(string name, string kept, string dropped)
    {
        var analysed = NameNormalizer.Analyze(name);
        Assert.Equal(kept, string.Join(' ', analysed.Tokens.Select(t => t.Surface)));
        Assert.Equal(dropped, string.Join(' ', analysed.Dropped.Select(t => t.Surface)));
    }

    [Theory]
    [InlineData("MTS Bank", "MTS Bank")]
    [InlineData("МТС Банк", "МТС Банк")]
    [InlineData("MMC Norilsk Nickel", "Norilsk Nickel")]
    [InlineData("NTTS Arsenal", "Arsenal")]
    [InlineData("NTC Arsenal", "Arsenal")]
    [InlineData("НТЦ Арсенал", "Арсенал")]
    public void Analyze_ComparesForeignAbbreviationsAsSpelled_AndRussianOnesOnSkeletons(string name, string kept)
    {
        // MTS would be Azerbaijani MMC on skeletons (TS read as C, doubled letters as one); НТЦ is NTTS or NTC.
        Assert.Equal(kept, string.Join(' ', NameNormalizer.Analyze(name).Tokens.Select(t => t.Surface)));
    }

    [Fact]
    public void Analyze_KeepsLegalForm_WhenItIsTheWholeName()
    {
        Assert.Equal(["JSC"], NameNormalizer.Analyze("JSC").Tokens.Select(t => t.Surface));
    }

    [Fact]
    public void Transliterate_ReproducesEverySample_OfEveryShippedScheme()
    {
        var folder = Path.GetDirectoryName(SharedData.RequireFile("reference/iuliia/icao_doc_9303.json"))!;
        var failures = new List<string>();
        var checkedSamples = 0;
        foreach (var scheme in TransliterationSchemes.All)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, scheme.Name + ".json")));
            foreach (var sample in document.RootElement.GetProperty("samples").EnumerateArray())
            {
                var source = sample[0].GetString()!;
                var expected = sample[1].GetString()!;
                var actual = scheme.Transliterate(source);
                checkedSamples++;
                if (actual != expected)
                {
                    failures.Add($"{scheme.Name}: {source} → {actual}, expected {expected}");
                }
            }
        }

        Assert.True(checkedSamples > 100, "samples checked: " + checkedSamples);
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("icao_doc_9303", "Юлия Щеглова", "Iuliia Shcheglova")]
    [InlineData("bgn_pcgn", "Юлия Щеглова", "Yuliya Shcheglova")]
    [InlineData("gost_779_alt", "Юлия Щеглова", "Yuliya Shheglova")]
    [InlineData("gost_779", "Юлия Щеглова", "Ûliâ Ŝeglova")]
    [InlineData("scientific", "Юлия Щеглова", "Julija Ščeglova")]
    public void Transliterate_FollowsScheme(string scheme, string cyrillic, string latin)
    {
        Assert.Equal(latin, TransliterationSchemes.Get(scheme).Transliterate(cyrillic));
    }

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.9611)]
    [InlineData("DIXON", "DICKSONX", 0.8133)]
    [InlineData("abc", "xyz", 0)]
    public void JaroWinkler_MatchesReferenceValues(string a, string b, double expected)
    {
        Assert.Equal(expected, StringSimilarity.JaroWinkler(a, b), 4);
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ivanov", "ivnaov", 1)]
    [InlineData("", "abc", 3)]
    public void Levenshtein_CountsEdits(string a, string b, int expected)
    {
        Assert.Equal(expected, StringSimilarity.Levenshtein(a, b));
    }
}
