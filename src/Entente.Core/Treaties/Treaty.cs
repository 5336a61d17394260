using System.Collections.Frozen;

namespace Entente.Core.Treaties;

/// <summary>A text in the two languages of the treaty; both are required.</summary>
public sealed record BilingualText(string En, string Ru);

/// <summary>A national authority: vets its own organisations and licenses its own exporters.</summary>
public sealed record Authority(string Code, BilingualText Name);

/// <summary>The state intermediary a party designates for complete military products (Party RU: Rosoboronexport).</summary>
/// <param name="Name">The intermediary's name in both languages.</param>
/// <param name="Forms">The forms of item that must go through it.</param>
/// <param name="AnnexOutcome">The Annex A outcome an item must have for the rule to apply.</param>
/// <param name="Entries">Control-list entries (with everything under them) the rule covers, e.g. ML1–ML20.</param>
public sealed record StateIntermediary(BilingualText Name, IReadOnlyList<ItemForm> Forms, Outcome AnnexOutcome, IReadOnlyList<string> Entries);

/// <summary>A party to the treaty, its authority and, when designated, its state intermediary.</summary>
public sealed record TreatyParty(string Code, BilingualText Name, Authority Authority, StateIntermediary? StateIntermediary);

/// <summary>One article: its clause id ("Art. 3"), title and text in both languages.</summary>
public sealed record Article(string Clause, BilingualText Title, BilingualText Text);

/// <summary>One accepted marking of a scheme: the national form and, for non-English schemes, its English gloss.</summary>
public sealed record Marking(string Native, string? Gloss);

/// <summary>One level of a classification scheme and the markings that denote it.</summary>
public sealed record ClassificationLevel(int Level, IReadOnlyList<Marking> Markings);

/// <summary>A national classification scheme (GB, GB-pre2014, RU) mapped onto the common scale.</summary>
public sealed record ClassificationScheme(string Id, IReadOnlyList<ClassificationLevel> Levels);

/// <summary>How an Annex A entry's outcome is found.</summary>
public enum AnnexDerivation
{
    /// <summary>The entry gives an outcome per form.</summary>
    Fixed = 0,

    /// <summary>Software: the outcome of the item it is for (forRating).</summary>
    AsForRating = 1,

    /// <summary>Technology: Prohibited when the item it is for is Prohibited, otherwise <see cref="AnnexEntry.Otherwise"/>.</summary>
    ProhibitedWhenForRatingProhibited = 2,
}

/// <summary>One row of Annex A: a control-list entry and its outcome per form (or how it derives one).</summary>
public sealed record AnnexEntry(string Entry, BilingualText Title, AnnexDerivation Derivation, Outcome Complete, Outcome Component, Outcome Otherwise)
{
    /// <summary>The outcome for a form (for fixed entries).</summary>
    public Outcome For(ItemForm form) => form == ItemForm.Complete ? Complete : Component;
}

/// <summary>The dual-use rule: a default outcome and the missile-technology exclusions, as data.</summary>
/// <param name="Outcome">Outcome of a dual-use rating that is not excluded.</param>
/// <param name="ExcludedOutcome">Outcome of an excluded rating.</param>
/// <param name="ExcludedEntries">Explicitly excluded entries (and everything under them), e.g. 9A004, 9A012.</param>
/// <param name="ExcludedNumberPrefixes">An entry is excluded when its number after the letter starts with one of these (e.g. "1": 9A101, 7A117).</param>
public sealed record DualUseRule(Outcome Outcome, Outcome ExcludedOutcome, IReadOnlyList<string> ExcludedEntries, IReadOnlyList<string> ExcludedNumberPrefixes)
{
    /// <summary>The excluded entry that decides a dual-use rating (the explicit entry or the 3-digit entry matching a prefix), or null.</summary>
    public string? ExclusionFor(string rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        foreach (var entry in ExcludedEntries)
        {
            if (rating.StartsWith(entry, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        // Dual-use codes read digit, letter, three digits ("9A101"); the "number" is what follows the letter.
        if (rating.Length >= 5)
        {
            var number = rating.AsSpan(2, 3);
            foreach (var prefix in ExcludedNumberPrefixes)
            {
                if (number.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return rating[..5];
                }
            }
        }

        return null;
    }
}

/// <summary>Annex A: outcomes per Munitions List entry and form, the dual-use rule and the not-listed rating.</summary>
public sealed record AnnexA(IReadOnlyList<AnnexEntry> Entries, DualUseRule DualUse, string NotListedRating, Outcome NotListedOutcome)
{
    private readonly FrozenDictionary<string, AnnexEntry> byEntry = Entries.ToFrozenDictionary(e => e.Entry, StringComparer.OrdinalIgnoreCase);

    /// <summary>The Annex A row of exactly this entry code, or null.</summary>
    public AnnexEntry? Find(string entry) => byEntry.GetValueOrDefault(entry);
}

/// <summary>A reason template: the clause it cites and its text in both languages, with {placeholders}.</summary>
public sealed record ReasonTemplate(string Key, string Clause, BilingualText Text);

/// <summary>
/// A treaty as data: parties and authorities, articles, classification schemes and the marking every shared document
/// bears (<c>UNCLASSIFIED // GB-RU TREATY COMMUNITY</c>), Annex A, and the reason texts the assessment cites. Loaded from the treaty file by <see cref="TreatyLoader"/>; nothing here is a constant in code.
/// </summary>
public sealed record Treaty(
    string Id,
    string Version,
    BilingualText Title,
    IReadOnlyList<TreatyParty> Parties,
    IReadOnlyList<Article> Articles,
    int ClassificationCeiling,
    IReadOnlyList<ClassificationScheme> Schemes,
    BilingualText TreatyMarking,
    AnnexA AnnexA,
    IReadOnlyDictionary<string, BilingualText> Terms,
    IReadOnlyDictionary<string, ReasonTemplate> Reasons)
{
    /// <summary>The party with this code, or null (a third country).</summary>
    public TreatyParty? Party(string code)
    {
        foreach (var party in Parties)
        {
            if (string.Equals(party.Code, code, StringComparison.Ordinal))
            {
                return party;
            }
        }

        return null;
    }

    /// <summary>The article with this clause id, or null.</summary>
    public Article? Article(string clause) => Articles.FirstOrDefault(a => string.Equals(a.Clause, clause, StringComparison.Ordinal));
}
