using BenchmarkDotNet.Attributes;
using Entente.Application.Treaties;
using Entente.Core.Assessment;
using Entente.Core.Treaties;

namespace Entente.Benchmarks.Assessment;

/// <summary>
/// One assessment of a scenario from a representative mix (clean, licensed, excluded, state intermediary, software,
/// re-transfer, marking above the ceiling, missile technology) against a no-op baseline that only picks the scenario.
/// Parsing is not measured: Application builds scenarios from its records.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AssessmentBenchmarks
{
    private AssessmentEngine engine = null!;
    private Scenario[] scenarios = null!;
    private int next;

    [Params("mix")]
    public string Mix { get; set; } = "mix";

    [GlobalSetup]
    public void Setup()
    {
        engine = TreatyCatalogue.Default;
        var covering = new ScenarioLicence(LicenceState.Issued, true, true, true, true, 100, 1_000_000);
        var clean = new Scenario(
            "b",
            TreatyStatus.InForce,
            new ScenarioParty("GB", MembershipState.Approved, ScreeningState.Clear, false),
            new ScenarioParty("RU", MembershipState.Approved, ScreeningState.Clear, false),
            new ScenarioItem("ML13a", ItemForm.Complete, "GB", "OFFICIAL", null),
            new ScenarioEndUse(EndUseKind.JointProject, true, true),
            10,
            25_000,
            null,
            null);
        var fromRussia = clean with
        {
            Exporter = new ScenarioParty("RU", MembershipState.Approved, ScreeningState.Clear, false),
            Importer = new ScenarioParty("GB", MembershipState.Approved, ScreeningState.Clear, false),
            Item = clean.Item with { Scheme = "RU", Marking = "несекретно" },
        };
        scenarios =
        [
            clean,
            clean with { Item = clean.Item with { Rating = "ML1a" }, Licence = covering },
            clean with { Item = clean.Item with { Rating = "ML1a" }, Licence = covering with { Status = LicenceState.Expired, QuantityLeft = 1 } },
            clean with { Item = clean.Item with { Rating = "ML4a" } },
            clean with { Item = clean.Item with { Rating = "ML10c2", Form = ItemForm.Component } },
            fromRussia with { Item = fromRussia.Item with { Rating = "ML1a" } },
            fromRussia with { Item = fromRussia.Item with { Rating = "ML6a", Form = ItemForm.Component } },
            clean with { Item = clean.Item with { Rating = "ML21a", ForRating = "ML1a" }, EndUse = new ScenarioEndUse(EndUseKind.Other, false, false) },
            clean with { Item = clean.Item with { Rating = "9A101" } },
            clean with { Item = clean.Item with { Marking = " secret " }, TreatyStatus = TreatyStatus.Suspended },
            clean with { Importer = new ScenarioParty("FR", MembershipState.None, ScreeningState.Clear, false), ReTransfer = new ReTransfer("RU", false) },
            fromRussia with { Item = fromRussia.Item with { Rating = "NLR", Marking = "unclassified" } },
        ];

        // Fail fast rather than measure input errors.
        foreach (var s in scenarios)
        {
            if (!engine.Assess(s).IsDecision)
            {
                throw new InvalidOperationException("benchmark scenario is not valid input: " + s);
            }
        }
    }

    private Scenario Next()
    {
        var s = scenarios[next];
        next = next + 1 == scenarios.Length ? 0 : next + 1;
        return s;
    }

    [Benchmark(Baseline = true)]
    public Scenario NoOp() => Next();

    [Benchmark]
    public Outcome Assess() => engine.Assess(Next()).Decision!.Outcome;
}
