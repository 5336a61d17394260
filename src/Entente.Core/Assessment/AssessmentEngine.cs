using System.Collections.Concurrent;
using System.Collections.Frozen;
using Entente.Core.ControlLists;
using Entente.Core.Treaties;

namespace Entente.Core.Assessment;

/// <summary>
/// Assesses transfers against a treaty and a control list: a pure function from a scenario to a decision. Every
/// requirement (one per treaty rule, see README.md) is evaluated; each failing one adds its reason; the worst outcome
/// wins. Everything that depends only on the treaty and the list (Annex A outcome per rating and form, marking levels,
/// the reasons themselves) is computed once here, so an assessment allocates only its decision.
/// </summary>
public sealed class AssessmentEngine
{
    private static readonly int FormCount = Enum.GetValues<ItemForm>().Length;

    // Derived dual-use ratings (absent from the snapshot, valid by their code) are built on first use and kept, up to a
    // bound, so input from callers cannot grow the cache without limit.
    private const int DerivedRuleCacheLimit = 4096;

    private readonly FrozenDictionary<string, RatingRule> rules;
    private readonly FrozenDictionary<string, string> unassessable;
    private readonly RuleBuilder ruleBuilder;
    private readonly ConcurrentDictionary<string, RatingRule> derivedRules = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] partyCodes;
    private readonly MarkingTable markings;
    private readonly Requirement[] requirements;

    /// <summary>Prepares the engine for a (validated) treaty and a control list.</summary>
    public AssessmentEngine(Treaty treaty, ControlList controlList)
    {
        ArgumentNullException.ThrowIfNull(treaty);
        ArgumentNullException.ThrowIfNull(controlList);
        Treaty = treaty;
        ControlList = controlList;
        partyCodes = treaty.Parties.Select(p => p.Code).ToArray();
        var f = new ReasonFactory(treaty);
        ruleBuilder = new RuleBuilder(treaty, controlList, f);
        (rules, unassessable) = ruleBuilder.BuildAll();
        markings = new MarkingTable(treaty, f);

        requirements =
        [
            new TreatyInForce(PerValue<TreatyStatus>(s => s == TreatyStatus.InForce ? null
                : f.BuildTerm(nameof(TreatyInForce), ReasonKeys.TreatyNotInForce, Outcome.Prohibited, "status", s.ToString()))),
            new ExporterInGoodStanding(
                PerValue<MembershipState>(m => m == MembershipState.Approved ? null
                    : f.BuildTerm(nameof(ExporterInGoodStanding), ReasonKeys.ExporterNotApproved, Outcome.Prohibited, "membership", m.ToString())),
                PerValue<ScreeningState>(s => s == ScreeningState.Clear ? null
                    : f.BuildTerm(nameof(ExporterInGoodStanding), ReasonKeys.ExporterScreening, Outcome.Prohibited, "screening", s.ToString()))),
            new ImporterInGoodStanding(
                PerValue<MembershipState>(m => m == MembershipState.Approved ? null
                    : f.BuildTerm(nameof(ImporterInGoodStanding), ReasonKeys.ImporterNotApproved, Outcome.Prohibited, "membership", m.ToString())),
                PerValue<ScreeningState>(s => s == ScreeningState.Clear ? null
                    : f.BuildTerm(nameof(ImporterInGoodStanding), ReasonKeys.ImporterScreening, Outcome.Prohibited, "screening", s.ToString()))),
            new BetweenTheParties(
                treaty.Parties.Select(p => f.Build(nameof(BetweenTheParties), ReasonKeys.DomesticTransfer, Outcome.Prohibited, ("party", p.Name.En, p.Name.Ru))).ToArray(),
                f.Build(nameof(BetweenTheParties), ReasonKeys.ExporterNotTreatyParty, Outcome.Prohibited),
                f.Build(nameof(BetweenTheParties), ReasonKeys.ImporterNotTreatyParty, Outcome.Prohibited)),
            new WithinClassificationCeiling(markings),
            new NotExcludedTechnology(f.ClauseOf(ReasonKeys.AnnexProhibited)),
        ];

        var shortfall = new LicenceShortfall(
            PerValue<LicenceState>(s => s == LicenceState.Issued ? null
                : f.BuildTerm(nameof(IndividualLicenceWhereAnnexRequires), ReasonKeys.LicenceStatus, Outcome.LicenceRequired, "status", s.ToString())),
            f.Build(nameof(IndividualLicenceWhereAnnexRequires), ReasonKeys.LicenceExporter, Outcome.LicenceRequired),
            f.Build(nameof(IndividualLicenceWhereAnnexRequires), ReasonKeys.LicenceConsignee, Outcome.LicenceRequired),
            f.Build(nameof(IndividualLicenceWhereAnnexRequires), ReasonKeys.LicenceEndUser, Outcome.LicenceRequired),
            f.Build(nameof(IndividualLicenceWhereAnnexRequires), ReasonKeys.LicenceRating, Outcome.LicenceRequired),
            f.Build(nameof(IndividualLicenceWhereAnnexRequires), ReasonKeys.LicenceQuantity, Outcome.LicenceRequired),
            f.Build(nameof(IndividualLicenceWhereAnnexRequires), ReasonKeys.LicenceValue, Outcome.LicenceRequired),
            f.Build(nameof(IndividualLicenceWhereAnnexRequires), ReasonKeys.LicenceCovers, Outcome.Authorised));

        var intermediaries = treaty.Parties.Select(p => p.StateIntermediary).ToArray();
        requirements =
        [
            .. requirements,
            new ApprovedEndUse(EveryValue<EndUseKind>(k => f.BuildTerm(nameof(ApprovedEndUse), ReasonKeys.NoApprovedEndUse, Outcome.LicenceRequired, "kind", k.ToString())), shortfall),
            new IndividualLicenceWhereAnnexRequires(f.ClauseOf(ReasonKeys.AnnexLicenceRequired), shortfall),
            new ReTransferConsent(f.Build(nameof(ReTransferConsent), ReasonKeys.ReTransferWithoutConsent, Outcome.Prohibited)),
            new RequiresStateIntermediary(
                f.ClauseOf(ReasonKeys.StateIntermediary),
                intermediaries.Select(i => i?.AnnexOutcome).ToArray(),
                intermediaries.Select(i => Enum.GetValues<ItemForm>().Select(form => i?.Forms.Contains(form) ?? false).ToArray()).ToArray(),
                treaty.Parties.Select(p => p.StateIntermediary is { } si
                    ? f.Build(nameof(RequiresStateIntermediary), ReasonKeys.StateIntermediary, Outcome.Prohibited, ("party", p.Name.En, p.Name.Ru), ("intermediary", si.Name.En, si.Name.Ru))
                    : null).ToArray()),
        ];
    }

    /// <summary>The treaty the engine applies.</summary>
    public Treaty Treaty { get; }

    /// <summary>The control list ratings are looked up in.</summary>
    public ControlList ControlList { get; }

    /// <summary>The requirement names with the clause each cites, in evaluation order.</summary>
    public IReadOnlyList<(string Requirement, string Clause)> Requirements => requirements.Select(r => (r.Name, r.Clause)).ToList();

    /// <summary>Assesses one scenario: a decision, or an input error (unknown rating or scheme, ML21/ML22 without forRating).</summary>
    public AssessmentResult Assess(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var item = scenario.Item;
        if (!TryRule(item.Rating, out var rule))
        {
            return Error(scenario, item.Rating);
        }

        ItemVerdict verdict;
        var form = (int)item.Form;
        if (rule.Derivation == AnnexDerivation.Fixed)
        {
            verdict = new ItemVerdict(rule, rule.Outcome[form], rule.Excluded[form], rule.NeedsLicence[form]);
        }
        else
        {
            if (item.ForRating is null)
            {
                return new AssessmentResult(null, new InputError(scenario.Id, $"item.forRating is required for {item.Rating} (software and technology take the outcome of the item they are for)"));
            }

            if (!TryRule(item.ForRating, out var target) || target.Derivation != AnnexDerivation.Fixed)
            {
                return target is null ? Error(scenario, item.ForRating, "item.forRating")
                    : new AssessmentResult(null, new InputError(scenario.Id, $"item.forRating '{item.ForRating}' must rate the item itself, not software or technology"));
            }

            var targetOutcome = target.Outcome[form];
            verdict = rule.Derivation == AnnexDerivation.AsForRating
                ? new ItemVerdict(rule, targetOutcome, target.SoftwareExcluded[form], target.SoftwareNeedsLicence[form])
                : targetOutcome == Outcome.Prohibited
                    ? new ItemVerdict(rule, Outcome.Prohibited, target.TechnologyExcluded[form], null)
                    : new ItemVerdict(rule, rule.Outcome[form], rule.Excluded[form], rule.NeedsLicence[form]);
        }

        if (!markings.HasScheme(item.Scheme))
        {
            return new AssessmentResult(null, new InputError(scenario.Id, $"item.classification.scheme '{item.Scheme}' is not one of {string.Join(", ", markings.SchemeIds)}"));
        }

        if (scenario.ReTransfer is { } reTransfer && PartyIndex(reTransfer.OriginParty) < 0)
        {
            return new AssessmentResult(null, new InputError(scenario.Id, $"reTransfer.originParty '{reTransfer.OriginParty}' is not a party to this treaty ({string.Join(", ", partyCodes)})"));
        }

        var decision = new Decision(scenario.Id, Treaty.Version);
        var context = new AssessmentContext(scenario, verdict, PartyIndex(scenario.Exporter.Party), PartyIndex(scenario.Importer.Party));
        foreach (var requirement in requirements)
        {
            requirement.Evaluate(context, decision);
        }

        return new AssessmentResult(decision, null);
    }

    // A listed rating (precomputed), or a dual-use code the snapshot lacks, ruled by its code like any dual-use entry.
    private bool TryRule(string code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RatingRule? rule)
    {
        if (rules.TryGetValue(code, out rule) || derivedRules.TryGetValue(code, out rule))
        {
            return true;
        }

        var entry = ControlList.Resolve(code);
        if (entry is null)
        {
            return false;
        }

        // Another spelling of a listed code (9A012.b for 9A012b): the listed rule.
        if (!entry.IsDerived)
        {
            return rules.TryGetValue(entry.Code, out rule);
        }

        rule = ruleBuilder.Derived(entry);
        if (derivedRules.Count < DerivedRuleCacheLimit)
        {
            derivedRules.TryAdd(code, rule);
        }

        return true;
    }

    private AssessmentResult Error(Scenario scenario, string rating, string field = "item.rating") =>
        new(null, new InputError(scenario.Id, unassessable.TryGetValue(rating, out var why)
            ? $"{field} '{rating}': {why}"
            : $"{field} '{rating}' is not on the control list"));

    private int PartyIndex(string code)
    {
        for (var i = 0; i < partyCodes.Length; i++)
        {
            if (string.Equals(partyCodes[i], code, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static Reason?[] PerValue<TEnum>(Func<TEnum, Reason?> build)
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var result = new Reason?[values.Length];
        foreach (var v in values)
        {
            result[Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)] = build(v);
        }

        return result;
    }

    private static Reason[] EveryValue<TEnum>(Func<TEnum, Reason> build)
        where TEnum : struct, Enum => PerValue<TEnum>(v => build(v)).Select(r => r!).ToArray();

    /// <summary>Builds the Annex A rule of each rating; its reason cache is shared, so it locks when called after construction.</summary>
    private sealed class RuleBuilder(Treaty treaty, ControlList list, ReasonFactory f)
    {
        private readonly Dictionary<string, Reason> cache = new(StringComparer.Ordinal);
        private readonly Lock gate = new();

        public (FrozenDictionary<string, RatingRule> Rules, FrozenDictionary<string, string> Unassessable) BuildAll()
        {
            var annex = treaty.AnnexA;
            var result = new Dictionary<string, RatingRule>(StringComparer.OrdinalIgnoreCase);
            var unassessable = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in list.Entries)
            {
                if (Rule(entry) is { } rule)
                {
                    result[entry.Code] = rule;
                }
                else
                {
                    unassessable[entry.Code] = "Annex A of this treaty gives no outcome for this entry";
                }
            }

            var nlr = annex.NotListedRating;
            var (nlrEn, nlrRu) = f.Term(nlr);
            result[nlr] = Fixed(nlr, _ => annex.NotListedOutcome, nlr, nlrEn, nlrRu, false, new bool[treaty.Parties.Count]);
            return (result.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), unassessable.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
        }

        /// <summary>The rule of a derived dual-use entry (always assessable: the dual-use rule covers every such code).</summary>
        public RatingRule Derived(ControlEntry entry)
        {
            lock (gate)
            {
                return Rule(entry) ?? throw new InvalidOperationException("a dual-use entry always has a rule");
            }
        }

        private RatingRule? Rule(ControlEntry entry)
        {
            var annex = treaty.AnnexA;
            var chain = list.SelfAndAncestors(entry).ToList();
            var scope = treaty.Parties.Select(p => p.StateIntermediary is { } si
                && chain.Any(c => si.Entries.Contains(c.Code, StringComparer.OrdinalIgnoreCase))).ToArray();
            var annexEntry = chain.Select(c => annex.Find(c.Code)).FirstOrDefault(a => a is not null);
            if (annexEntry is not null)
            {
                if (annexEntry.Derivation == AnnexDerivation.Fixed)
                {
                    return Fixed(entry.Code, annexEntry.For, annexEntry.Entry, annexEntry.Title.En, annexEntry.Title.Ru, false, scope);
                }

                // Software and technology: their own row only gives the "otherwise" outcome; the item they are for decides the rest.
                var own = Fixed(entry.Code, _ => annexEntry.Otherwise, annexEntry.Entry, annexEntry.Title.En, annexEntry.Title.Ru, false, scope);
                return new RatingRule
                {
                    Code = own.Code,
                    Derivation = annexEntry.Derivation,
                    Outcome = own.Outcome,
                    Excluded = own.Excluded,
                    NeedsLicence = own.NeedsLicence,
                    SoftwareExcluded = new Reason?[FormCount],
                    SoftwareNeedsLicence = new Reason?[FormCount],
                    TechnologyExcluded = new Reason?[FormCount],
                    InIntermediaryScope = scope,
                };
            }

            if (entry.Kind == ControlListKind.DualUse)
            {
                var excludedBy = annex.DualUse.ExclusionFor(entry.Code);
                var outcome = excludedBy is null ? annex.DualUse.Outcome : annex.DualUse.ExcludedOutcome;
                var deciding = excludedBy is null ? entry : list.Resolve(excludedBy) ?? entry;
                return Fixed(entry.Code, _ => outcome, excludedBy ?? entry.Code, deciding.Title, deciding.TitleRu ?? deciding.Title, excludedBy is not null, scope);
            }

            return null;
        }

        private Reason Cached(string key, Outcome outcome, string entry, string titleEn, string titleRu, ItemForm form)
        {
            var cacheKey = $"{key}|{entry}|{form}";
            if (!cache.TryGetValue(cacheKey, out var reason))
            {
                var (formEn, formRu) = f.Term(form.ToString());
                reason = f.Build(nameof(NotExcludedTechnology), key, outcome, ("entry", entry, entry), ("title", titleEn, titleRu), ("form", formEn, formRu));
                if (outcome == Outcome.LicenceRequired)
                {
                    reason = reason with { Requirement = nameof(IndividualLicenceWhereAnnexRequires) };
                }

                cache[cacheKey] = reason;
            }

            return reason;
        }

        private RatingRule Fixed(string code, Func<ItemForm, Outcome> outcome, string entry, string titleEn, string titleRu, bool dualUseExcluded, bool[] scope)
        {
            var forms = Enum.GetValues<ItemForm>();
            Reason? Pick(ItemForm form, Outcome when, string key) => outcome(form) == when ? Cached(key, when, entry, titleEn, titleRu, form) : null;
            return new RatingRule
            {
                Code = code,
                Derivation = AnnexDerivation.Fixed,
                Outcome = forms.Select(outcome).ToArray(),
                Excluded = forms.Select(fm => Pick(fm, Outcome.Prohibited, dualUseExcluded ? ReasonKeys.MissileTechnology : ReasonKeys.AnnexProhibited)).ToArray(),
                NeedsLicence = forms.Select(fm => Pick(fm, Outcome.LicenceRequired, ReasonKeys.AnnexLicenceRequired)).ToArray(),
                SoftwareExcluded = forms.Select(fm => Pick(fm, Outcome.Prohibited, ReasonKeys.SoftwareProhibited)).ToArray(),
                SoftwareNeedsLicence = forms.Select(fm => Pick(fm, Outcome.LicenceRequired, ReasonKeys.SoftwareLicenceRequired)).ToArray(),
                TechnologyExcluded = forms.Select(fm => Pick(fm, Outcome.Prohibited, ReasonKeys.TechnologyProhibited)).ToArray(),
                InIntermediaryScope = scope,
            };
        }
    }
}
