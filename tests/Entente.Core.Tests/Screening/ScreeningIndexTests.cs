using Entente.Core.Screening;

namespace Entente.Core.Tests.Screening;

public sealed class ScreeningIndexTests
{
    private static readonly ScreeningIndex Index = ScreeningIndex.Build(
    [
        new SanctionsList("ofac",
        [
            new ListEntry("18782", EntityType.Organisation, "ROSOBORONEKSPORT OAO", ["ROSOBORONEXPORT", "RUSSIAN DEFENSE EXPORT ROSOBORONEXPORT"], "Russia"),
            new ListEntry("16911", EntityType.Organisation, "KALASHNIKOV CONCERN", ["JSC CONCERN KALASHNIKOV"], "Russia"),
            new ListEntry("100", EntityType.Person, "IVANOV, Sergei Borisovich", [], "Russia"),
            new ListEntry("101", EntityType.Person, "PETROV, Ivan", [], "Russia"),
        ]),
        new SanctionsList("internal", [new ListEntry("I-1", EntityType.Organisation, "Vega Trading LLC", ["ООО Вега Трейдинг"], "Russia")]),
    ]);

    [Theory]
    [InlineData("Рособоронэкспорт", "18782", TokenMatchKind.Transliteration)]
    [InlineData("ROSOBORONEXPORT", "18782", TokenMatchKind.Exact)]
    [InlineData("R\u041ESOBORONEXPORT", "18782", TokenMatchKind.Homoglyph)]
    [InlineData("Rosoboronexprot", "18782", TokenMatchKind.Typo)]
    [InlineData("Kalashnikoff", "16911", TokenMatchKind.Transliteration)]
    public void Search_FindsEntity_WithExplanation(string query, string entityId, TokenMatchKind kind)
    {
        var best = Index.Search(query)[0];
        Assert.Equal(entityId, best.EntityId);
        Assert.Contains(best.Explanation.Pairs, p => p.Kind == kind);
        Assert.InRange(best.Score, 0.8, 1.0);
    }

    [Fact]
    public void Search_DoesNotScreenMtsBank_AsABareBank()
    {
        var index = ScreeningIndex.Build(
        [
            new SanctionsList("ofac",
            [
                new ListEntry("1", EntityType.Organisation, "MTS BANK", ["PJSC MTS BANK"], "Russia"),
                new ListEntry("2", EntityType.Organisation, "MB BANK", [], "Vietnam"),
                new ListEntry("3", EntityType.Organisation, "ALFA BANK", [], "Russia"),
            ]),
        ]);

        var matches = index.Search("MTS Bank", new ScreeningOptions(5, 0));
        Assert.Equal("1", matches[0].EntityId);
        Assert.Equal(1.0, matches[0].Score);
        Assert.All(matches.Skip(1), m => Assert.True(m.Score < 0.5, $"{m.MatchedName} scored {m.Score}"));
    }

    [Fact]
    public void Search_ReadsAWordTypedInLatinLookAlikes_AsCyrillic()
    {
        var index = ScreeningIndex.Build(
        [
            new SanctionsList("ofac",
            [
                new ListEntry("1", EntityType.Organisation, "TEHNOMAR", ["ООО ТЕХНОМАР"], "Russia"),
                new ListEntry("2", EntityType.Organisation, "TEXTILE HOME MARKET", [], null),
            ]),
        ]);

        var best = index.Search("OOO TEXHOMAP")[0];

        Assert.Equal("1", best.EntityId);
        Assert.InRange(best.Score, ScreeningOptions.AlertThreshold, 0.99);
        var pair = Assert.Single(best.Explanation.Pairs);
        Assert.Equal(("TEXHOMAP", TokenMatchKind.Homoglyph), (pair.QueryToken, pair.Kind));
    }

    [Fact]
    public void Search_DoesNotReadAsCyrillic_WhatIsFoundAsWritten()
    {
        var index = ScreeningIndex.Build([new SanctionsList("ofac", [
            new ListEntry("1", EntityType.Organisation, "PEACE CORPORATION", [], null),
            new ListEntry("2", EntityType.Organisation, "REACE", [], null),
        ])]);

        var matches = index.Search("PEACE CORPORATION", new ScreeningOptions(5, 0));

        Assert.Equal(("1", 1.0), (matches[0].EntityId, matches[0].Score));
        Assert.DoesNotContain(matches, m => m.EntityId == "2" && m.Score >= ScreeningOptions.AlertThreshold);
    }

    [Theory]
    [InlineData("TEXHOMAP", "ТЕХНОМАР")]
    [InlineData("OOO VEKTOR", null)]
    [InlineData("OOO TEXHOMAP", "OOO ТЕХНОМАР")]
    [InlineData("MAKET", null)]
    [InlineData("texhomap", null)]
    [InlineData("PETROV", null)]
    public void ReadAsCyrillic_ReadsOnlyWordsDrawnWhollyInSharedCapitals(string name, string? reading)
    {
        Assert.Equal(reading, NameNormalizer.ReadAsCyrillic(name)?.Text);
    }

    [Fact]
    public void Search_IgnoresTokenOrderAndLegalForms()
    {
        var best = Index.Search("Sergey Borisovich Ivanov")[0];
        Assert.Equal("100", best.EntityId);
        Assert.Equal(1.0, best.Score);
        var vega = Index.Search("Вега Трейдинг, АО")[0];
        Assert.Equal("I-1", vega.EntityId);
        Assert.Contains("АО", vega.Explanation.DroppedLegalForms);
    }

    [Fact]
    public void Search_ReturnsOneRowPerEntity_BestFirst()
    {
        var matches = Index.Search("Rosoboronexport");
        Assert.Single(matches, m => m.EntityId == "18782");
        Assert.Equal(matches.OrderByDescending(m => m.Score), matches);
        Assert.Equal("ROSOBORONEKSPORT OAO", matches[0].Name);
    }

    [Fact]
    public void Search_ReturnsNothing_WhenNameUnrelated()
    {
        Assert.Empty(Index.Search("Banco Nacional de Cuba"));
        Assert.Empty(Index.Search("  ,, "));
    }

    [Fact]
    public void Search_RespectsTop()
    {
        Assert.Single(Index.Search("Ivanov Petrov", new ScreeningOptions(Top: 1, MinimumScore: 0)));
    }

    [Fact]
    public void Search_ComparesNamesHoldingTheRarestWord_WhenManyNamesShareTheCommonOnes()
    {
        // Two hundred ship repair centres hold three of the query's words each, the sought one only its rarest word
        // and a translation (SUDOREMONTA) that the gathered evidence cannot show.
        var entries = new List<ListEntry>
        {
            new("1", EntityType.Organisation, "JOINT STOCK COMPANY SHIP REPAIR CENTER ZVEZDOCHKA", [], "Russia"),
            new("2", EntityType.Organisation, "CENTER SUDOREMONTA ZVEZDOCHKA", [], "Russia"),
        };
        for (var k = 0; k < 200; k++)
        {
            entries.Add(new ListEntry($"f{k}", EntityType.Organisation, $"SHIP REPAIR CENTER {Word(k)}", [], null));
        }

        var index = ScreeningIndex.Build([new SanctionsList("ofac", entries)]);

        var matches = index.Search("JOINT-STOCK COMPANY SHIP REPAIR CENTER ZVEZDOCHKA", new ScreeningOptions(Top: 10, MinimumScore: 0));

        Assert.Equal(["1", "2"], matches.Take(2).Select(m => m.EntityId));

        // Distinct made-up words, so that no filler shares a word with another beyond the three.
        static string Word(int k) => new([(char)('B' + (k % 20)), 'O', (char)('C' + (k / 20 % 20)), 'A', 'L', 'T']);
    }
}
