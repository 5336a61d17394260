using Entente.Core.Assessment;
using Entente.Core.Treaties;
using static Entente.Core.Tests.Assessment.Scenarios;

namespace Entente.Core.Tests.Assessment;

/// <summary>Properties over generated scenarios (seeded, so a failure reproduces).</summary>
public sealed class AssessmentPropertyTests
{
    private static readonly string[] Ratings =
        ["ML1a", "ML2a", "ML3a", "ML4a", "ML6a", "ML8a", "ML9a", "ML10a", "ML10c2", "ML11a", "ML13d1", "ML14", "ML16", "ML17a", "ML20a", "9A001", "9A012", "9A101", "6A001", "NLR", "ML21a", "ML22a"];

    private static readonly string[] ForRatings = ["ML1a", "ML4", "ML13", "ML2", "9A004", "9A001", "NLR"];
    private static readonly string[] Parties = ["GB", "RU", "RU", "GB", "FR"];
    private static readonly (string Scheme, string Marking)[] Markings =
        [("GB", "OFFICIAL"), ("GB", "SECRET"), ("GB-pre2014", "UNCLASSIFIED"), ("GB-pre2014", "RESTRICTED"), ("RU", "несекретно"), ("RU", "unclassified"), ("RU", "секретно"), ("RU", "OFFICIAL")];

    private static T Pick<T>(Random r, T[] values) => values[r.Next(values.Length)];

    private static T PickEnum<T>(Random r, int cleanWeight)
        where T : struct, Enum
    {
        // Mostly the passing value (the first: Approved, Clear, JointProject, Issued), so generated scenarios reach every rule.
        var values = Enum.GetValues<T>();
        return r.Next(cleanWeight) == 0 ? values[r.Next(values.Length)] : values[0];
    }

    private static Scenario Generate(Random r)
    {
        var rating = Pick(r, Ratings);
        var (scheme, marking) = r.Next(4) == 0 ? Pick(r, Markings) : (r.Next(2) == 0 ? ("GB", "OFFICIAL") : ("RU", "несекретно"));
        var exporter = Pick(r, Parties);
        var importer = r.Next(5) == 0 ? Pick(r, Parties) : exporter == "GB" ? "RU" : "GB";
        var quantity = r.Next(1, 50);
        var value = r.Next(1, 100_000);
        ScenarioLicence? licence = r.Next(3) switch
        {
            0 => null,
            1 => Covering with { QuantityLeft = quantity + r.Next(5), ValueLeft = value + r.Next(5) },
            _ => new ScenarioLicence(PickEnum<LicenceState>(r, 2), r.Next(4) > 0, r.Next(4) > 0, r.Next(4) > 0, r.Next(4) > 0, r.Next(60), r.Next(120_000)),
        };
        return new Scenario(
            "g",
            r.Next(4) == 0 ? Pick(r, Enum.GetValues<TreatyStatus>()) : TreatyStatus.InForce,
            new ScenarioParty(exporter, PickEnum<MembershipState>(r, 5), PickEnum<ScreeningState>(r, 5), r.Next(3) == 0),
            new ScenarioParty(importer, PickEnum<MembershipState>(r, 5), PickEnum<ScreeningState>(r, 5), false),
            new ScenarioItem(rating, r.Next(2) == 0 ? ItemForm.Complete : ItemForm.Component, scheme, marking, rating is "ML21a" or "ML22a" ? Pick(r, ForRatings) : null),
            new ScenarioEndUse(PickEnum<EndUseKind>(r, 2), r.Next(4) > 0, r.Next(4) > 0),
            quantity,
            value,
            licence,
            r.Next(6) == 0 ? new ReTransfer(Pick(r, ["GB", "RU"]), r.Next(3) > 0) : null);
    }

    // Each adds one failing condition to a scenario.
    private static readonly Func<Scenario, Scenario>[] Failures =
    [
        s => s with { TreatyStatus = TreatyStatus.Suspended },
        s => s with { Exporter = s.Exporter with { Membership = MembershipState.Suspended } },
        s => s with { Exporter = s.Exporter with { Screening = ScreeningState.OpenHit } },
        s => s with { Importer = s.Importer with { Screening = ScreeningState.ConfirmedHit } },
        s => s with { Importer = s.Importer with { Membership = MembershipState.Pending } },
        s => s with { Importer = s.Importer with { Party = s.Exporter.Party } },
        s => s with { Item = s.Item with { Scheme = "GB", Marking = "SECRET" } },
        s => s with { EndUse = new ScenarioEndUse(EndUseKind.Other, false, false) },
        s => s with { ReTransfer = s.ReTransfer is null ? null : s.ReTransfer with { Consent = false } },
        s => s with { Exporter = s.Exporter with { StateIntermediary = false } },
        s => s with { Licence = s.Licence is null ? null : s.Licence with { Status = LicenceState.Revoked } },
        s => s with { Licence = s.Licence is null ? null : s.Licence with { QuantityLeft = 0 } },
    ];

    [Fact]
    public void Assess_NeverImproves_WhenAFailingConditionIsAdded()
    {
        var random = new Random(20140127);
        var checkedPairs = 0;
        for (var i = 0; i < 3000; i++)
        {
            var scenario = Generate(random);
            var before = Decide(scenario).Outcome;
            foreach (var fail in Failures)
            {
                var after = Decide(fail(scenario)).Outcome;
                Assert.True(after >= before, $"scenario {i}: {before} became {after} after adding a failing condition: {fail(scenario)}");
                checkedPairs++;
            }
        }

        Assert.Equal(3000 * Failures.Length, checkedPairs);
    }

    [Fact]
    public void Assess_NeverWorsens_WhenACoveringLicenceIsAdded()
    {
        var random = new Random(20140303);
        var improved = 0;
        for (var i = 0; i < 3000; i++)
        {
            var scenario = Generate(random);
            var before = Decide(scenario).Outcome;
            var licensed = scenario with { Licence = Covering with { QuantityLeft = scenario.Quantity, ValueLeft = scenario.Value } };
            var after = Decide(licensed).Outcome;
            Assert.True(after <= before, $"scenario {i}: {before} became {after} with a covering licence: {licensed}");
            improved += after < before ? 1 : 0;
        }

        // The generator must reach licence-sensitive cases, or the property says nothing.
        Assert.True(improved > 50, $"only {improved} scenarios were improved by a licence");
    }

    [Fact]
    public void Assess_OutcomeIsWorstReason_ForGeneratedScenarios()
    {
        var random = new Random(7000);
        var outcomes = new HashSet<Outcome>();
        for (var i = 0; i < 3000; i++)
        {
            var decision = Decide(Generate(random));
            var worst = Outcome.Authorised;
            foreach (var reason in decision.Reasons)
            {
                worst = Outcomes.Worst(worst, reason.Outcome);
                Assert.False(string.IsNullOrWhiteSpace(reason.En) || string.IsNullOrWhiteSpace(reason.Ru) || string.IsNullOrWhiteSpace(reason.Clause));
            }

            Assert.Equal(worst, decision.Outcome);
            outcomes.Add(decision.Outcome);
        }

        Assert.Equal(3, outcomes.Count);
    }

    [Fact]
    public void Assess_IsDeterministic_ForTheSameScenario()
    {
        var random = new Random(42);
        for (var i = 0; i < 500; i++)
        {
            var s = Generate(random);
            Assert.Equal(ScenarioJson.ToJson(Decide(s)), ScenarioJson.ToJson(Decide(s)));
        }
    }
}
