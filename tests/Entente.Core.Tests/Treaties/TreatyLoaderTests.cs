using System.Text;
using System.Text.Json.Nodes;
using Entente.Application.ControlLists;
using Entente.Core.Treaties;

namespace Entente.Core.Tests.Treaties;

public sealed class TreatyLoaderTests
{
    private static readonly Func<string, bool> Known = ControlListCatalogue.UkControlList2018.Contains;

    private static TreatyLoadResult Load(Action<JsonNode> edit) => TreatyLoader.Load(TreatyFiles.Edited(edit), Known);

    [Fact]
    public void Load_ReadsPartiesAuthoritiesAndIntermediary_WhenShippedFile()
    {
        var result = TreatyLoader.Load(TreatyFiles.Shipped(), Known);

        Assert.Empty(result.Errors);
        var treaty = result.Treaty!;
        Assert.Equal("gb-ru-2014", treaty.Id);
        Assert.Equal(["GB", "RU"], treaty.Parties.Select(p => p.Code));
        Assert.Null(treaty.Party("GB")!.StateIntermediary);
        var ru = treaty.Party("RU")!;
        Assert.Equal("Rosoboronexport", ru.StateIntermediary!.Name.En);
        Assert.Equal("Рособоронэкспорт", ru.StateIntermediary.Name.Ru);
        Assert.Contains("ФСВТС", ru.Authority.Name.Ru, StringComparison.Ordinal);
        Assert.Equal(20, ru.StateIntermediary.Entries.Count);
    }

    [Fact]
    public void Load_HasBilingualArticles_ForEveryClauseTheContractCites()
    {
        var treaty = TreatyLoader.Load(TreatyFiles.Shipped(), Known).Treaty!;

        foreach (var clause in new[] { "Art. 3", "Art. 4", "Art. 5", "Art. 6", "Art. 7", "Art. 8", "Art. 9", "Art. 10", "Art. 12" })
        {
            var article = treaty.Article(clause);
            Assert.NotNull(article);
            Assert.False(string.IsNullOrWhiteSpace(article.Text.En));
            Assert.Matches("[а-яА-Я]", article.Text.Ru);
        }
    }

    [Fact]
    public void Load_ReadsClassificationSchemesAndAnnex_WhenShippedFile()
    {
        var treaty = TreatyLoader.Load(TreatyFiles.Shipped(), Known).Treaty!;

        Assert.Equal(["GB", "GB-pre2014", "RU"], treaty.Schemes.Select(s => s.Id));
        var ru = treaty.Schemes.Single(s => s.Id == "RU");
        Assert.Equal(5, ru.Levels.Count);
        Assert.Contains(ru.Levels[0].Markings, m => m.Native == "несекретно" && m.Gloss == "unclassified");
        Assert.Equal("UNCLASSIFIED // GB-RU TREATY COMMUNITY", treaty.TreatyMarking.En);
        Assert.Equal(Outcome.Prohibited, treaty.AnnexA.Find("ML10c")!.Complete);
        Assert.Equal(Outcome.Authorised, treaty.AnnexA.Find("ml1")!.Component);
        Assert.Equal(AnnexDerivation.AsForRating, treaty.AnnexA.Find("ML21")!.Derivation);
        Assert.Equal(["9A004", "9A012"], treaty.AnnexA.DualUse.ExcludedEntries);
        Assert.Equal(["1"], treaty.AnnexA.DualUse.ExcludedNumberPrefixes);
    }

    [Fact]
    public void Load_Loads_FromStream()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(TreatyFiles.Shipped()));
        Assert.True(TreatyLoader.Load(stream, Known).IsValid);
    }

    [Fact]
    public void Load_NamesThePlace_WhenRatingUnknown()
    {
        var result = Load(n => n["annexA"]!["entries"]![3]!["entry"] = "ML99");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.annexA.entries[3].entry", error.Path);
        Assert.Contains("unknown rating 'ML99'", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Treaty);
    }

    [Fact]
    public void Load_NamesThePlace_WhenExcludedDualUseEntryUnknown()
    {
        var result = Load(n => n["annexA"]!["dualUse"]!["excludedEntries"]![1] = "9Z999");

        Assert.Equal("$.annexA.dualUse.excludedEntries[1]", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Load_NamesThePlace_WhenTranslationMissing()
    {
        var result = Load(n => n["articles"]![2]!["text"]!.AsObject().Remove("ru"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.articles[2].text.ru", error.Path);
        Assert.Contains("missing translation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NamesThePlace_WhenReasonTranslationEmpty()
    {
        var result = Load(n => n["reasons"]!["treatyNotInForce"]!["text"]!["en"] = " ");

        Assert.Equal("$.reasons.treatyNotInForce.text.en", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Load_NamesThePlace_WhenArticleDuplicated()
    {
        var result = Load(n =>
        {
            var articles = n["articles"]!.AsArray();
            articles.Add(articles[2]!.DeepClone());
        });

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.articles[14].clause", error.Path);
        Assert.Contains("duplicate article 'Art. 3'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Forbidden")]
    [InlineData("2")]
    [InlineData("authorised")]
    public void Load_NamesThePlace_WhenOutcomeNotOneOfTheThree(string outcome)
    {
        var result = Load(n => n["annexA"]!["entries"]![0]!["complete"] = outcome);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.annexA.entries[0].complete", error.Path);
        Assert.Contains("Authorised, LicenceRequired or Prohibited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NamesThePlace_WhenReasonTextMissing()
    {
        var result = Load(n => n["reasons"]!.AsObject().Remove("stateIntermediary"));

        Assert.Equal("$.reasons.stateIntermediary", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Load_NamesThePlace_WhenReasonCitesNoArticle()
    {
        var result = Load(n => n["reasons"]!["licenceCovers"]!["clause"] = "Art. 99");

        Assert.Equal("$.reasons.licenceCovers.clause", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Load_ReportsEveryProblem_WhenSeveral()
    {
        var result = Load(n =>
        {
            n["annexA"]!["entries"]![0]!["component"] = "Maybe";
            n["articles"]![0]!["title"]!.AsObject().Remove("en");
        });

        Assert.Equal(["$.annexA.entries[0].component", "$.articles[0].title.en"], result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_ReportsRoot_WhenNotJson()
    {
        var result = TreatyLoader.Load("{ not json", Known);

        Assert.Equal("$", Assert.Single(result.Errors).Path);
    }
}
