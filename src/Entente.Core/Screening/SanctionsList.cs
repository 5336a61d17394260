namespace Entente.Core.Screening;

/// <summary>What kind of party a list entry is.</summary>
public enum EntityType
{
    /// <summary>The list does not say.</summary>
    Unknown = 0,

    /// <summary>A natural person.</summary>
    Person = 1,

    /// <summary>A company, body or group.</summary>
    Organisation = 2,

    /// <summary>A ship.</summary>
    Vessel = 3,

    /// <summary>An aircraft.</summary>
    Aircraft = 4,
}

/// <summary>One listed party: its identifier within the list, its primary name and its other names.</summary>
/// <param name="EntityId">The list's own identifier (OFAC ent_num, UN reference, UK unique ID …).</param>
/// <param name="Type">Person, organisation, vessel, aircraft or unknown.</param>
/// <param name="PrimaryName">The name the list shows first.</param>
/// <param name="Aliases">Other names (a.k.a., f.k.a., names in non-Latin script).</param>
/// <param name="Country">A country associated with the entry (nationality or address), or null.</param>
public sealed record ListEntry(string EntityId, EntityType Type, string PrimaryName, IReadOnlyList<string> Aliases, string? Country)
{
    /// <summary>The primary name followed by the aliases, without duplicates or blanks.</summary>
    public IEnumerable<string> AllNames()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(PrimaryName) && seen.Add(PrimaryName))
        {
            yield return PrimaryName;
        }

        foreach (var alias in Aliases)
        {
            if (!string.IsNullOrWhiteSpace(alias) && seen.Add(alias))
            {
                yield return alias;
            }
        }
    }
}

/// <summary>A named list of entries (e.g. "ofac", "un", "uk", or an internal list).</summary>
/// <param name="Name">The list's short name, reported with every match.</param>
/// <param name="Entries">The listed parties.</param>
public sealed record SanctionsList(string Name, IReadOnlyList<ListEntry> Entries);
