using Entente.Application.Common;
using Entente.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Trade;

/// <summary>
/// A counterparty's own particulars, checked: registration and amendment take the same fields and must refuse the
/// same input, so both go through <see cref="Validate"/> and <see cref="IsNamedAlreadyAsync"/>.
/// </summary>
public sealed record CounterpartyDetails(
    string Name,
    string? NativeName,
    string Country,
    string Address,
    string? RegistrationNumber,
    bool IsConsignee,
    bool IsEndUser)
{
    /// <summary>The trimmed, normalised details, or every field error at once.</summary>
    public static Result<CounterpartyDetails> Validate(string? name, string? nativeName, string? country, string? address, string? registrationNumber, bool isConsignee, bool isEndUser)
    {
        var errors = new ValidationErrors();
        var checkedName = errors.Required("name", name, Counterparty.NameMaxLength);
        var checkedNativeName = errors.Optional("nativeName", nativeName, Counterparty.NameMaxLength);
        var checkedCountry = Countries.Normalise(country);
        if (checkedCountry is null)
        {
            errors.Add("country", "must be an ISO 3166-1 alpha-2 country code (e.g. GB, RU, KZ).");
        }

        var checkedAddress = errors.Required("address", address, Counterparty.AddressMaxLength);
        var number = errors.Optional("registrationNumber", registrationNumber, Counterparty.NumberMaxLength);
        if (!isConsignee && !isEndUser)
        {
            errors.Add("roles", "choose consignee, end user or both.");
        }

        return errors.Any
            ? errors.ToError()
            : new CounterpartyDetails(checkedName, checkedNativeName, checkedCountry!, checkedAddress, number, isConsignee, isEndUser);
    }

    /// <summary>
    /// Whether the organisation's register already holds an active (not withdrawn) counterparty of this name in this
    /// country, other than <paramref name="except"/>: screening decisions must not be split between duplicates.
    /// </summary>
    public static async Task<bool> IsNamedAlreadyAsync(EntenteDbContext db, Guid organisationId, string country, string name, Guid? except, CancellationToken cancellationToken)
    {
        var upperName = name.ToUpperInvariant();
        var active = await db.Counterparties.AsNoTracking()
            .Where(c => c.OrganisationId == organisationId && c.Country == country && c.Status != CounterpartyStatus.Withdrawn && c.Id != except)
            .Select(c => c.Name).ToListAsync(cancellationToken);
        return active.Any(n => string.Equals(n.ToUpperInvariant(), upperName, StringComparison.Ordinal));
    }

    public static Error Duplicate(string name, string country) =>
        new Error.Conflict("duplicate-counterparty", $"{name} ({country}) is already in the organisation's register.");
}
