using Entente.Core.Assessment;
using Entente.Core.Treaties;
using static Entente.Core.Tests.Assessment.Scenarios;

namespace Entente.Core.Tests.Assessment;

public sealed class AssessmentEngineTests
{
    // Annex A of TREATY.md, row by row: category, Complete, Component.
    public static TheoryData<string, Outcome, Outcome> AnnexRows => new()
    {
        { "ML1", Outcome.LicenceRequired, Outcome.Authorised },
        { "ML2", Outcome.LicenceRequired, Outcome.LicenceRequired },
        { "ML3", Outcome.LicenceRequired, Outcome.LicenceRequired },
        { "ML4", Outcome.Prohibited, Outcome.Prohibited },
        { "ML5", Outcome.Prohibited, Outcome.Prohibited },
        { "ML6", Outcome.LicenceRequired, Outcome.Authorised },
        { "ML7", Outcome.Prohibited, Outcome.Prohibited },
        { "ML8", Outcome.LicenceRequired, Outcome.LicenceRequired },
        { "ML9", Outcome.LicenceRequired, Outcome.Authorised },
        { "ML10", Outcome.LicenceRequired, Outcome.Authorised },
        { "ML10c", Outcome.Prohibited, Outcome.Prohibited },
        { "ML11", Outcome.Prohibited, Outcome.Prohibited },
        { "ML12", Outcome.Prohibited, Outcome.Prohibited },
        { "ML13", Outcome.Authorised, Outcome.Authorised },
        { "ML14", Outcome.Authorised, Outcome.Authorised },
        { "ML15", Outcome.Prohibited, Outcome.Prohibited },
        { "ML16", Outcome.Authorised, Outcome.Authorised },
        { "ML17", Outcome.Authorised, Outcome.Authorised },
        { "ML18", Outcome.Authorised, Outcome.Authorised },
        { "ML19", Outcome.Prohibited, Outcome.Prohibited },
        { "ML20", Outcome.LicenceRequired, Outcome.LicenceRequired },
        { "NLR", Outcome.Authorised, Outcome.Authorised },
    };

    [Theory]
    [MemberData(nameof(AnnexRows))]
    public void Assess_GivesAnnexOutcome_ForEveryRowInBothForms(string rating, Outcome complete, Outcome component)
    {
        Assert.Equal(complete, Decide(Clean(rating, ItemForm.Complete)).Outcome);
        Assert.Equal(component, Decide(Clean(rating, ItemForm.Component)).Outcome);
    }

    [Theory]
    [MemberData(nameof(AnnexRows))]
    public void Assess_CitesArticle7Or9_ForAnnexRow(string rating, Outcome complete, Outcome component)
    {
        foreach (var (form, outcome) in new[] { (ItemForm.Complete, complete), (ItemForm.Component, component) })
        {
            var reasons = Decide(Clean(rating, form)).ReasonList();
            var expected = outcome switch { Outcome.Prohibited => "Art. 7", Outcome.LicenceRequired => "Art. 9", _ => null };
            if (expected is null)
            {
                Assert.Empty(reasons);
            }
            else
            {
                var reason = Assert.Single(reasons);
                Assert.Equal(expected, reason.Clause);
                Assert.Equal(outcome, reason.Outcome);
                Assert.Contains(rating == "NLR" ? "NLR" : rating, reason.En, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("ML10c2", Outcome.Prohibited, Outcome.Prohibited)]
    [InlineData("ML10a", Outcome.LicenceRequired, Outcome.Authorised)]
    [InlineData("ML10e1", Outcome.LicenceRequired, Outcome.Authorised)]
    [InlineData("ml1a", Outcome.LicenceRequired, Outcome.Authorised)]
    public void Assess_TakesNearestListedAncestor_WhenRatingIsNested(string rating, Outcome complete, Outcome component)
    {
        Assert.Equal(complete, Decide(Clean(rating, ItemForm.Complete)).Outcome);
        Assert.Equal(component, Decide(Clean(rating, ItemForm.Component)).Outcome);
    }

    [Theory]
    [InlineData("9A004", Outcome.Prohibited)]
    [InlineData("9A004a", Outcome.Prohibited)]
    [InlineData("9A012", Outcome.Prohibited)]
    [InlineData("9A012b4", Outcome.Prohibited)]
    [InlineData("9A101", Outcome.Prohibited)]
    [InlineData("6A102", Outcome.Prohibited)]
    [InlineData("4A101", Outcome.Prohibited)]
    [InlineData("9E102", Outcome.Prohibited)]
    [InlineData("9A001", Outcome.Authorised)]
    [InlineData("9A350", Outcome.Authorised)]
    [InlineData("6A001", Outcome.Authorised)]
    public void Assess_ExcludesMissileTechnology_OnTheDualUseList(string rating, Outcome expected)
    {
        foreach (var form in new[] { ItemForm.Complete, ItemForm.Component })
        {
            var decision = Decide(Clean(rating, form));
            Assert.Equal(expected, decision.Outcome);
            if (expected == Outcome.Prohibited)
            {
                Assert.Contains("missile technology", Assert.Single(decision.ReasonList()).En, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("7A117", Outcome.Prohibited)]
    [InlineData("1C111", Outcome.Prohibited)]
    [InlineData("9A101", Outcome.Prohibited)]
    [InlineData("9A012.b", Outcome.Prohibited)]
    [InlineData("5A002", Outcome.Authorised)]
    [InlineData("5A002a1", Outcome.Authorised)]
    [InlineData("0A001", Outcome.Authorised)]
    [InlineData("3E003", Outcome.Authorised)]
    [InlineData("2b201A", Outcome.Authorised)]
    public void Assess_RatesDualUseCode_WhenAbsentFromTheSnapshot(string rating, Outcome expected)
    {
        foreach (var form in new[] { ItemForm.Complete, ItemForm.Component })
        {
            var decision = Decide(Clean(rating, form));
            Assert.Equal(expected, decision.Outcome);
            if (expected == Outcome.Prohibited)
            {
                var reason = Assert.Single(decision.ReasonList());
                Assert.Equal("Art. 7", reason.Clause);
                Assert.Contains("missile technology", reason.En, StringComparison.Ordinal);
            }
            else
            {
                Assert.Empty(decision.ReasonList());
            }
        }
    }

    [Fact]
    public void Assess_NamesTheMissileEntry_WhenDerivedSubItemIsExcluded()
    {
        var reason = Assert.Single(Decide(Clean("7A117b2", ItemForm.Component)).ReasonList());

        Assert.StartsWith("7A117 (Navigation and avionics", reason.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XX12")]
    [InlineData("7F117")]
    [InlineData("7A11")]
    [InlineData("7A117bb")]
    [InlineData("7A117..b")]
    [InlineData("7A117b.")]
    [InlineData("ML99")]
    [InlineData("ML1zz")]
    public void Assess_ReportsInputError_WhenRatingIsNeitherListedNorADualUseCode(string rating)
    {
        var result = Engine.Assess(Clean(rating));

        Assert.False(result.IsDecision);
        Assert.Contains("is not on the control list", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_SoftwareForDerivedMissileEntry_IsProhibited()
    {
        Assert.Equal(Outcome.Prohibited, Decide(Clean("ML21a", ItemForm.Component, "1C111")).Outcome);
        Assert.Equal(Outcome.Authorised, Decide(Clean("ML22a", ItemForm.Component, "5A002")).Outcome);
    }

    [Theory]
    [InlineData("ML1a", ItemForm.Complete, Outcome.LicenceRequired)]
    [InlineData("ML1a", ItemForm.Component, Outcome.Authorised)]
    [InlineData("ML4", ItemForm.Component, Outcome.Prohibited)]
    [InlineData("9A012", ItemForm.Complete, Outcome.Prohibited)]
    [InlineData("NLR", ItemForm.Complete, Outcome.Authorised)]
    public void Assess_SoftwareTakesOutcomeOfItsItem(string forRating, ItemForm form, Outcome expected)
    {
        Assert.Equal(expected, Decide(Clean("ML21a", form, forRating)).Outcome);
    }

    [Theory]
    [InlineData("ML4a", Outcome.Prohibited)]
    [InlineData("ML10c", Outcome.Prohibited)]
    [InlineData("9A004", Outcome.Prohibited)]
    [InlineData("ML1a", Outcome.Authorised)]
    [InlineData("ML2", Outcome.Authorised)]
    public void Assess_TechnologyProhibitedOnlyWhenItsItemIs(string forRating, Outcome expected)
    {
        Assert.Equal(expected, Decide(Clean("ML22a", ItemForm.Complete, forRating)).Outcome);
    }

    [Theory]
    [InlineData(TreatyStatus.Draft)]
    [InlineData(TreatyStatus.Signed)]
    [InlineData(TreatyStatus.Suspended)]
    [InlineData(TreatyStatus.Terminated)]
    public void Assess_ProhibitsUnderArticle3_WhenTreatyNotInForce(TreatyStatus status)
    {
        var reason = Assert.Single(Decide(Clean() with { TreatyStatus = status }).ReasonList());

        Assert.Equal(("Art. 3", Outcome.Prohibited), (reason.Clause, reason.Outcome));
        Assert.Equal(nameof(TreatyInForce), reason.Requirement);
    }

    [Theory]
    [InlineData(MembershipState.Pending)]
    [InlineData(MembershipState.Rejected)]
    [InlineData(MembershipState.Suspended)]
    [InlineData(MembershipState.None)]
    public void Assess_ProhibitsUnderArticle4_WhenEitherSideNotApproved(MembershipState membership)
    {
        var s = Clean();
        Assert.Equal("Art. 4", Assert.Single(Decide(s with { Exporter = s.Exporter with { Membership = membership } }).ReasonList()).Clause);
        Assert.Equal("Art. 4", Assert.Single(Decide(s with { Importer = s.Importer with { Membership = membership } }).ReasonList()).Clause);
    }

    [Theory]
    [InlineData(ScreeningState.OpenHit)]
    [InlineData(ScreeningState.ConfirmedHit)]
    public void Assess_ProhibitsUnderArticle4_WhenScreeningNotClear(ScreeningState screening)
    {
        var s = Clean();
        Assert.Equal(Outcome.Prohibited, Decide(s with { Exporter = s.Exporter with { Screening = screening } }).Outcome);
        Assert.Equal(Outcome.Prohibited, Decide(s with { Importer = s.Importer with { Screening = screening } }).Outcome);
    }

    [Theory]
    [InlineData("GB", "GB", 1)]
    [InlineData("FR", "RU", 1)]
    [InlineData("GB", "US", 1)]
    [InlineData("FR", "FR", 2)]
    public void Assess_ProhibitsUnderArticle5_WhenNotBetweenTheParties(string exporter, string importer, int reasons)
    {
        var s = Clean();
        var decision = Decide(s with { Exporter = s.Exporter with { Party = exporter }, Importer = s.Importer with { Party = importer } });

        Assert.Equal(Outcome.Prohibited, decision.Outcome);
        Assert.Equal(reasons, decision.Reasons.Length);
        Assert.All(decision.ReasonList(), r => Assert.Equal("Art. 5", r.Clause));
    }

    [Theory]
    [InlineData("GB", "OFFICIAL", Outcome.Authorised)]
    [InlineData("GB", " official ", Outcome.Authorised)]
    [InlineData("GB", "OFFICIAL-SENSITIVE", Outcome.Prohibited)]
    [InlineData("GB", "SECRET", Outcome.Prohibited)]
    [InlineData("GB", "TOP SECRET", Outcome.Prohibited)]
    [InlineData("GB", "UNCLASSIFIED", Outcome.Prohibited)]
    [InlineData("GB-pre2014", "UNCLASSIFIED", Outcome.Authorised)]
    [InlineData("GB-pre2014", "PROTECT", Outcome.Prohibited)]
    [InlineData("GB-pre2014", "RESTRICTED", Outcome.Prohibited)]
    [InlineData("GB-pre2014", "CONFIDENTIAL", Outcome.Prohibited)]
    [InlineData("GB-pre2014", "SECRET", Outcome.Prohibited)]
    [InlineData("GB-pre2014", "TOP SECRET", Outcome.Prohibited)]
    [InlineData("RU", "несекретно", Outcome.Authorised)]
    [InlineData("RU", "НЕСЕКРЕТНО", Outcome.Authorised)]
    [InlineData("RU", "unclassified", Outcome.Authorised)]
    [InlineData("RU", "для служебного пользования", Outcome.Prohibited)]
    [InlineData("RU", "for official use only", Outcome.Prohibited)]
    [InlineData("RU", "секретно", Outcome.Prohibited)]
    [InlineData("RU", "совершенно секретно", Outcome.Prohibited)]
    [InlineData("RU", "особой важности", Outcome.Prohibited)]
    [InlineData("RU", "of special importance", Outcome.Prohibited)]
    [InlineData("RU", "OFFICIAL", Outcome.Prohibited)]
    public void Assess_AppliesCeilingOfArticle6_ForEveryMarking(string scheme, string marking, Outcome expected)
    {
        var s = Clean();
        var decision = Decide(s with { Item = s.Item with { Scheme = scheme, Marking = marking } });

        Assert.Equal(expected, decision.Outcome);
        Assert.All(decision.ReasonList(), r => Assert.Equal("Art. 6", r.Clause));
    }

    [Theory]
    [InlineData(EndUseKind.Other, true, true, Outcome.LicenceRequired)]
    [InlineData(EndUseKind.JointProject, false, true, Outcome.LicenceRequired)]
    [InlineData(EndUseKind.JointProject, true, false, Outcome.LicenceRequired)]
    [InlineData(EndUseKind.ImportingGovernment, false, false, Outcome.Authorised)]
    [InlineData(EndUseKind.JointProject, true, true, Outcome.Authorised)]
    public void Assess_RequiresLicenceUnderArticle8_WhenEndUseNotApproved(EndUseKind kind, bool approved, bool both, Outcome expected)
    {
        var decision = Decide(Clean() with { EndUse = new ScenarioEndUse(kind, approved, both) });

        Assert.Equal(expected, decision.Outcome);
        Assert.All(decision.ReasonList(), r => Assert.Equal("Art. 8", r.Clause));
    }

    [Fact]
    public void Assess_Authorises_WhenCoveringLicenceMeetsArticle9()
    {
        var decision = Decide(Clean("ML1a") with { Licence = Covering });

        Assert.Equal(Outcome.Authorised, decision.Outcome);
        var note = Assert.Single(decision.ReasonList());
        Assert.Equal(("Art. 9", Outcome.Authorised), (note.Clause, note.Outcome));
    }

    [Fact]
    public void Assess_Authorises_WhenLicenceHasExactlyEnoughLeft()
    {
        Assert.Equal(Outcome.Authorised, Decide(Clean("ML1a") with { Licence = Covering with { QuantityLeft = 10, ValueLeft = 25_000 } }).Outcome);
    }

    public static TheoryData<ScenarioLicence, string> NonCovering => new()
    {
        { Covering with { Status = LicenceState.Suspended }, "suspended" },
        { Covering with { Status = LicenceState.Revoked }, "revoked" },
        { Covering with { Status = LicenceState.Expired }, "expired" },
        { Covering with { Status = LicenceState.Exhausted }, "exhausted" },
        { Covering with { Status = LicenceState.Surrendered }, "surrendered" },
        { Covering with { CoversExporter = false }, "exporter" },
        { Covering with { CoversConsignee = false }, "consignee" },
        { Covering with { CoversEndUser = false }, "end user" },
        { Covering with { CoversRating = false }, "rating" },
        { Covering with { QuantityLeft = 9 }, "quantity" },
        { Covering with { ValueLeft = 24_999 }, "value" },
    };

    [Theory]
    [MemberData(nameof(NonCovering))]
    public void Assess_SaysWhyLicenceDoesNotCover_UnderArticle9(ScenarioLicence licence, string cause)
    {
        var decision = Decide(Clean("ML1a") with { Licence = licence });

        Assert.Equal(Outcome.LicenceRequired, decision.Outcome);
        var reasons = decision.ReasonList();
        Assert.Equal(2, reasons.Count);
        Assert.All(reasons, r => Assert.Equal("Art. 9", r.Clause));
        Assert.Contains(cause, reasons[1].En, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(reasons[1].Ru));
    }

    [Fact]
    public void Assess_ListsEveryCause_WhenLicenceFailsSeveralWays()
    {
        var decision = Decide(Clean("ML2a") with { Licence = Covering with { Status = LicenceState.Revoked, CoversRating = false, QuantityLeft = 0 } });

        Assert.Equal(4, decision.Reasons.Length);
    }

    [Fact]
    public void Assess_ExplainsLicenceUnderArticle8_WhenAnnexNeedsNone()
    {
        var decision = Decide(Clean() with { EndUse = new ScenarioEndUse(EndUseKind.Other, false, false), Licence = Covering with { CoversEndUser = false } });

        Assert.Equal(Outcome.LicenceRequired, decision.Outcome);
        Assert.Equal(["Art. 8", "Art. 9"], decision.ReasonList().Select(r => r.Clause));
    }

    [Fact]
    public void Assess_IgnoresLicence_WhenNoneNeeded()
    {
        Assert.Equal(Outcome.Authorised, Decide(Clean() with { Licence = Covering with { Status = LicenceState.Revoked } }).Outcome);
    }

    [Fact]
    public void Assess_LicenceDoesNotLiftExclusion()
    {
        Assert.Equal(Outcome.Prohibited, Decide(Clean("ML4a") with { Licence = Covering }).Outcome);
    }

    [Fact]
    public void Assess_AllowsReTransfer_WithConsent()
    {
        var s = Clean() with { Importer = new ScenarioParty("FR", MembershipState.None, ScreeningState.Clear, false), ReTransfer = new ReTransfer("RU", true) };

        Assert.Equal(Outcome.Authorised, Decide(s).Outcome);
        var refused = Decide(s with { ReTransfer = new ReTransfer("RU", false) });
        Assert.Equal(("Art. 10", Outcome.Prohibited), (Assert.Single(refused.ReasonList()).Clause, refused.Outcome));
    }

    [Fact]
    public void Assess_StillAppliesArticle9_OnConsentedReTransfer()
    {
        var s = Clean("ML2a", ItemForm.Component) with { Importer = new ScenarioParty("FR", MembershipState.None, ScreeningState.Clear, false), ReTransfer = new ReTransfer("GB", true) };

        Assert.Equal(Outcome.LicenceRequired, Decide(s).Outcome);
        Assert.Equal(Outcome.Authorised, Decide(s with { Licence = Covering }).Outcome);
    }

    [Fact]
    public void Assess_StillScreensImporter_OnReTransfer()
    {
        var s = Clean() with { Importer = new ScenarioParty("FR", MembershipState.None, ScreeningState.OpenHit, false), ReTransfer = new ReTransfer("RU", true) };

        Assert.Equal(Outcome.Prohibited, Decide(s).Outcome);
    }

    [Theory]
    [InlineData("ML1a", ItemForm.Complete, false, Outcome.Prohibited)]
    [InlineData("ML1a", ItemForm.Complete, true, Outcome.LicenceRequired)]
    [InlineData("ML1a", ItemForm.Component, false, Outcome.Authorised)]
    [InlineData("ML2a", ItemForm.Component, false, Outcome.LicenceRequired)]
    [InlineData("ML20a", ItemForm.Complete, false, Outcome.Prohibited)]
    [InlineData("ML13a", ItemForm.Complete, false, Outcome.Authorised)]
    [InlineData("NLR", ItemForm.Complete, false, Outcome.Authorised)]
    public void Assess_RequiresStateIntermediary_ForCompleteLicensedMunitionsFromRussia(string rating, ItemForm form, bool intermediary, Outcome expected)
    {
        var decision = Decide(Clean(rating, form).FromRussia(intermediary));

        Assert.Equal(expected, decision.Outcome);
        Assert.Equal(expected == Outcome.Prohibited, decision.ReasonList().Any(r => r.Clause == "Art. 12"));
    }

    [Fact]
    public void Assess_StateIntermediaryRuleIgnoresLicence()
    {
        Assert.Equal(Outcome.Prohibited, Decide(Clean("ML1a").FromRussia() with { Licence = Covering }).Outcome);
        Assert.Equal(Outcome.Authorised, Decide(Clean("ML1a").FromRussia(intermediary: true) with { Licence = Covering }).Outcome);
    }

    [Fact]
    public void Assess_NoStateIntermediaryForGb()
    {
        Assert.Equal(Outcome.LicenceRequired, Decide(Clean("ML1a")).Outcome);
    }

    [Fact]
    public void Assess_EvaluatesEveryRule_WhenAllFail()
    {
        var s = Clean("ML1a").FromRussia() with
        {
            TreatyStatus = TreatyStatus.Draft,
            EndUse = new ScenarioEndUse(EndUseKind.Other, false, false),
            Licence = Covering with { CoversEndUser = false },
        };
        s = s with
        {
            Exporter = s.Exporter with { Membership = MembershipState.Rejected },
            Importer = s.Importer with { Screening = ScreeningState.OpenHit },
            Item = s.Item with { Marking = "секретно" },
        };

        var decision = Decide(s);

        Assert.Equal(Outcome.Prohibited, decision.Outcome);
        Assert.Equal(["Art. 3", "Art. 4", "Art. 4", "Art. 6", "Art. 8", "Art. 9", "Art. 9", "Art. 12"], decision.ReasonList().Select(r => r.Clause));
        Assert.All(decision.ReasonList(), r => Assert.Matches("[а-яА-Я]", r.Ru));
    }

    [Fact]
    public void Assess_RecordsTreatyVersion()
    {
        Assert.Equal("gb-ru-2014/1", Decide(Clean()).TreatyVersion);
    }

    [Theory]
    [InlineData("ML99", null, "not on the control list")]
    [InlineData("ML21a", null, "forRating is required")]
    [InlineData("ML22", null, "forRating is required")]
    [InlineData("ML21a", "XX", "not on the control list")]
    [InlineData("ML21a", "ML22a", "must rate the item itself")]
    [InlineData("PL5001", null, "gives no outcome")]
    public void Assess_ReturnsInputError_WhenRatingCannotBeAssessed(string rating, string? forRating, string message)
    {
        var result = Engine.Assess(Clean(rating, ItemForm.Complete, forRating));

        Assert.False(result.IsDecision);
        Assert.Contains(message, result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("t", result.Error.Id);
    }

    [Fact]
    public void Assess_ReturnsInputError_WhenReTransferOriginIsNotAParty()
    {
        var result = Engine.Assess(Clean() with { ReTransfer = new ReTransfer("FR", true) });

        Assert.Contains("reTransfer.originParty 'FR'", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_ReturnsInputError_WhenSchemeUnknown()
    {
        var s = Clean();
        Assert.Contains("scheme 'FR'", Engine.Assess(s with { Item = s.Item with { Scheme = "FR" } }).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Requirements_CiteTheirClauses()
    {
        Assert.Equal(
            ["Art. 3", "Art. 4", "Art. 4", "Art. 5", "Art. 6", "Art. 7", "Art. 8", "Art. 9", "Art. 10", "Art. 12"],
            Engine.Requirements.Select(r => r.Clause));
        Assert.Contains(Engine.Requirements, r => r.Requirement == "RequiresStateIntermediary");
    }
}
