using Entente.Core.Treaties;

namespace Entente.Core.Assessment;

/// <summary>What every requirement sees: the scenario, the Annex A verdict on its item, and licence coverage.</summary>
internal readonly ref struct AssessmentContext(Scenario scenario, ItemVerdict item, int exporterParty, int importerParty)
{
    public Scenario Scenario { get; } = scenario;

    public ItemVerdict Item { get; } = item;

    /// <summary>Index of the exporter's party among the treaty parties, or -1 for a third country.</summary>
    public int ExporterParty { get; } = exporterParty;

    /// <summary>Index of the importer's party among the treaty parties, or -1 for a third country.</summary>
    public int ImporterParty { get; } = importerParty;

    public bool IsReTransfer => Scenario.ReTransfer is not null;

    public bool HasCoveringLicence => Scenario.HasCoveringLicence;
}

/// <summary>One treaty rule. It adds a reason for each condition that fails; it never stops the others.</summary>
internal abstract class Requirement(string clause)
{
    /// <summary>The article the rule implements, as the treaty file cites it.</summary>
    public string Clause { get; } = clause;

    public string Name => GetType().Name;

    public abstract void Evaluate(in AssessmentContext context, Decision decision);
}

/// <summary>Art. 3: the treaty must be in force.</summary>
internal sealed class TreatyInForce(Reason?[] byStatus) : Requirement(byStatus.First(r => r is not null)!.Clause)
{
    public override void Evaluate(in AssessmentContext context, Decision decision)
    {
        if (byStatus[(int)context.Scenario.TreatyStatus] is { } reason)
        {
            decision.Add(reason);
        }
    }
}

/// <summary>Art. 4: the exporter is an approved member with clear screening.</summary>
internal sealed class ExporterInGoodStanding(Reason?[] byMembership, Reason?[] byScreening) : Requirement(byMembership[1]!.Clause)
{
    public override void Evaluate(in AssessmentContext context, Decision decision)
    {
        var exporter = context.Scenario.Exporter;
        if (byMembership[(int)exporter.Membership] is { } m)
        {
            decision.Add(m);
        }

        if (byScreening[(int)exporter.Screening] is { } s)
        {
            decision.Add(s);
        }
    }
}

/// <summary>Art. 4: the importer is an approved member (unless the item is leaving the community) with clear screening.</summary>
internal sealed class ImporterInGoodStanding(Reason?[] byMembership, Reason?[] byScreening) : Requirement(byMembership[1]!.Clause)
{
    public override void Evaluate(in AssessmentContext context, Decision decision)
    {
        var importer = context.Scenario.Importer;
        if (!context.IsReTransfer && byMembership[(int)importer.Membership] is { } m)
        {
            decision.Add(m);
        }

        if (byScreening[(int)importer.Screening] is { } s)
        {
            decision.Add(s);
        }
    }
}

/// <summary>Art. 5: a transfer between the two parties, not domestic and not with a third country.</summary>
internal sealed class BetweenTheParties(Reason[] domesticByParty, Reason exporterNotParty, Reason importerNotParty) : Requirement(exporterNotParty.Clause)
{
    public override void Evaluate(in AssessmentContext context, Decision decision)
    {
        if (context.IsReTransfer)
        {
            return;
        }

        if (context.ExporterParty < 0)
        {
            decision.Add(exporterNotParty);
        }

        if (context.ImporterParty < 0)
        {
            decision.Add(importerNotParty);
        }

        if (context.ExporterParty >= 0 && context.ExporterParty == context.ImporterParty)
        {
            decision.Add(domesticByParty[context.ExporterParty]);
        }
    }
}

/// <summary>Art. 6: the marking is a marking of its scheme, at or below the ceiling.</summary>
internal sealed class WithinClassificationCeiling(MarkingTable markings) : Requirement(markings.Clause)
{
    public override void Evaluate(in AssessmentContext context, Decision decision)
    {
        if (markings.Check(context.Scenario.Item.Scheme, context.Scenario.Item.Marking) is { } reason)
        {
            decision.Add(reason);
        }
    }
}

/// <summary>Art. 7: the rating is not excluded technology (Annex A).</summary>
internal sealed class NotExcludedTechnology(string clause) : Requirement(clause)
{
    public override void Evaluate(in AssessmentContext context, Decision decision)
    {
        if (context.Item.Outcome == Outcome.Prohibited && context.Item.Excluded is { } reason)
        {
            decision.Add(reason);
        }
    }
}

/// <summary>Why an offered licence does not cover the transfer, one prebuilt reason per cause.</summary>
internal sealed class LicenceShortfall(Reason?[] byStatus, Reason exporter, Reason consignee, Reason endUser, Reason rating, Reason quantity, Reason value, Reason covers)
{
    public Reason Covers { get; } = covers;

    /// <summary>Adds the note that the licence covers the transfer, or each cause it does not.</summary>
    public void Explain(in AssessmentContext context, Decision decision)
    {
        var s = context.Scenario;
        if (s.Licence is not { } l)
        {
            return;
        }

        if (s.HasCoveringLicence)
        {
            decision.Add(Covers);
            return;
        }

        if (byStatus[(int)l.Status] is { } st)
        {
            decision.Add(st);
        }

        if (!l.CoversExporter)
        {
            decision.Add(exporter);
        }

        if (!l.CoversConsignee)
        {
            decision.Add(consignee);
        }

        if (!l.CoversEndUser)
        {
            decision.Add(endUser);
        }

        if (!l.CoversRating)
        {
            decision.Add(rating);
        }

        if (l.QuantityLeft < s.Quantity)
        {
            decision.Add(quantity);
        }

        if (l.ValueLeft < s.Value)
        {
            decision.Add(value);
        }
    }
}

/// <summary>Art. 8: the end use is an approved joint project with both as members, or the importing government; else a licence.</summary>
internal sealed class ApprovedEndUse(Reason[] byKind, LicenceShortfall licence) : Requirement(byKind[0].Clause)
{
    public override void Evaluate(in AssessmentContext context, Decision decision)
    {
        var s = context.Scenario;
        if (context.IsReTransfer || s.EndUse.IsApproved)
        {
            return;
        }

        // Where Art. 9 also needs the licence it explains the licence; explaining it twice adds nothing.
        var art9Explains = context.Item.Outcome == Outcome.LicenceRequired;
        if (!context.HasCoveringLicence)
        {
            decision.Add(byKind[(int)s.EndUse.Kind]);
        }

        if (!art9Explains)
        {
            licence.Explain(context, decision);
        }
    }
}

/// <summary>Art. 9: Annex A requires an individual licence for this rating and form, and none covers the transfer.</summary>
internal sealed class IndividualLicenceWhereAnnexRequires(string clause, LicenceShortfall licence) : Requirement(clause)
{
    public override void Evaluate(in AssessmentContext context, Decision decision)
    {
        if (context.Item.Outcome != Outcome.LicenceRequired)
        {
            return;
        }

        if (!context.HasCoveringLicence && context.Item.NeedsLicence is { } reason)
        {
            decision.Add(reason);
        }

        licence.Explain(context, decision);
    }
}

/// <summary>Art. 10: an item leaving the community needs the originating party's consent.</summary>
internal sealed class ReTransferConsent(Reason withoutConsent) : Requirement(withoutConsent.Clause)
{
    public override void Evaluate(in AssessmentContext context, Decision decision)
    {
        if (context.Scenario.ReTransfer is { Consent: false })
        {
            decision.Add(withoutConsent);
        }
    }
}

/// <summary>
/// Art. 12: where the exporter's party designates a state intermediary, items in the intermediary's scope (forms,
/// entries and Annex A outcome, as the treaty file says) must be exported by it.
/// </summary>
internal sealed class RequiresStateIntermediary(string clause, Outcome?[] annexOutcomeByParty, bool[][] formsByParty, Reason?[] reasonByParty) : Requirement(clause)
{
    public override void Evaluate(in AssessmentContext context, Decision decision)
    {
        var party = context.ExporterParty;
        if (party < 0 || annexOutcomeByParty[party] is not { } annexOutcome || context.Scenario.Exporter.StateIntermediary)
        {
            return;
        }

        if (context.Item.Outcome == annexOutcome
            && context.Item.Rule.InIntermediaryScope[party]
            && formsByParty[party][(int)context.Scenario.Item.Form])
        {
            decision.Add(reasonByParty[party]!);
        }
    }
}
