using Entente.Application.Treaties;
using Entente.Core.Assessment;
using Entente.Core.Treaties;

namespace Entente.Core.Tests.Assessment;

/// <summary>A clean transfer (Authorised on every rule) to vary one condition at a time.</summary>
internal static class Scenarios
{
    public static AssessmentEngine Engine => TreatyCatalogue.Default;

    public static readonly ScenarioLicence Covering = new(LicenceState.Issued, true, true, true, true, 100, 1_000_000);

    public static Scenario Clean(string rating = "ML13a", ItemForm form = ItemForm.Complete, string? forRating = null) => new(
        "t",
        TreatyStatus.InForce,
        new ScenarioParty("GB", MembershipState.Approved, ScreeningState.Clear, false),
        new ScenarioParty("RU", MembershipState.Approved, ScreeningState.Clear, false),
        new ScenarioItem(rating, form, "GB", "OFFICIAL", forRating),
        new ScenarioEndUse(EndUseKind.JointProject, true, true),
        10,
        25_000,
        null,
        null);

    public static Scenario FromRussia(this Scenario s, bool intermediary = false) => s with
    {
        Exporter = new ScenarioParty("RU", MembershipState.Approved, ScreeningState.Clear, intermediary),
        Importer = new ScenarioParty("GB", MembershipState.Approved, ScreeningState.Clear, false),
        Item = s.Item with { Scheme = "RU", Marking = "несекретно" },
    };

    public static Decision Decide(Scenario s)
    {
        var result = Engine.Assess(s);
        Assert.True(result.IsDecision, result.Error?.Message);
        return result.Decision!;
    }
}
