using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Persistence;
using Entente.Application.Screening;
using Entente.Application.TransparencyLog;
using Entente.Core.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Organisations;

/// <summary>A company applies to join the treaty community. Its first user becomes its compliance officer.</summary>
public sealed record RegisterOrganisation(
    string? LegalNameEn,
    string? LegalNameRu,
    string? Party,
    string? RegistrationNumber,
    string? TaxNumber,
    string? Address,
    string? ContactName,
    string? ContactEmail,
    string? ContactPhone,
    string? OfficerEmail,
    string? OfficerDisplayName,
    string? OfficerPassword);

public sealed record RegisteredOrganisation(Guid OrganisationId, Guid ComplianceOfficerId, long LogSequence);

public sealed class RegisterOrganisationHandler(EntenteDbContext db, UserManager<EntenteUser> users, LogEntryWriter log, Screener screener, TimeProvider clock)
{
    public async Task<Result<RegisteredOrganisation>> HandleAsync(RegisterOrganisation request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var nameEn = errors.Required("legalNameEn", request.LegalNameEn, Organisation.NameMaxLength);
        var nameRu = errors.Required("legalNameRu", request.LegalNameRu, Organisation.NameMaxLength);
        var party = request.Party?.Trim().ToUpperInvariant();
        if (!Parties.IsParty(party))
        {
            errors.Add("party", "must be GB or RU.");
        }

        var number = RegistrationNumbers.Normalise(request.RegistrationNumber);
        string? taxNumber = null;
        if (number.Length == 0)
        {
            errors.Add("registrationNumber", "is required.");
        }
        else if (party == Parties.GreatBritain && !RegistrationNumbers.IsCompaniesHouseNumber(number))
        {
            errors.Add("registrationNumber", "is not a Companies House number (eight digits, or two letters and six digits).");
        }
        else if (party == Parties.Russia && !RegistrationNumbers.IsOgrn(number))
        {
            errors.Add("registrationNumber", "is not a valid OGRN (13 digits with a correct check digit).");
        }

        if (party == Parties.Russia)
        {
            taxNumber = RegistrationNumbers.Normalise(request.TaxNumber);
            if (!RegistrationNumbers.IsInn(taxNumber))
            {
                errors.Add("taxNumber", "is not a valid INN (10 digits with a correct check digit).");
            }
        }
        else if (!string.IsNullOrWhiteSpace(request.TaxNumber))
        {
            errors.Add("taxNumber", "applies to RU organisations only.");
        }

        var address = errors.Required("address", request.Address, Organisation.AddressMaxLength);
        var contactName = errors.Required("contactName", request.ContactName, Organisation.ContactMaxLength);
        var contactEmail = errors.Email("contactEmail", request.ContactEmail, Organisation.ContactMaxLength);

        var phone = errors.Optional("contactPhone", request.ContactPhone, 64);
        var officerEmail = errors.Email("officerEmail", request.OfficerEmail, 200);

        var officerName = errors.Required("officerDisplayName", request.OfficerDisplayName, 200);
        if (string.IsNullOrEmpty(request.OfficerPassword))
        {
            errors.Add("officerPassword", "is required.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        await screener.PrepareAsync(cancellationToken);
        return await db.InTransactionAsync<RegisteredOrganisation>(async () =>
        {
            if (await db.Organisations.AnyAsync(o => o.Party == party && o.RegistrationNumber == number, cancellationToken))
            {
                return new Error.Conflict("duplicate-registration-number", $"An organisation with registration number {number} is already registered for {party}.");
            }

            if (taxNumber is not null && await db.Organisations.AnyAsync(o => o.Party == party && o.TaxNumber == taxNumber, cancellationToken))
            {
                return new Error.Conflict("duplicate-tax-number", $"An organisation with INN {taxNumber} is already registered.");
            }

            var now = clock.GetUtcNow();
            var organisation = new Organisation
            {
                Id = Guid.CreateVersion7(now),
                LegalNameEn = nameEn,
                LegalNameRu = nameRu,
                Party = party!,
                RegistrationNumber = number,
                TaxNumber = taxNumber,
                Address = address,
                ContactName = contactName,
                ContactEmail = contactEmail,
                ContactPhone = phone,
                Status = MembershipStatus.Pending,
                RegisteredAt = now,
                SearchText = Organisation.BuildSearchText(nameEn, nameRu, number),
                Version = Guid.NewGuid(),
            };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);

            var officer = new EntenteUser
            {
                Id = Guid.CreateVersion7(now),
                UserName = officerEmail,
                Email = officerEmail,
                DisplayName = officerName,
                OrganisationId = organisation.Id,
                PreferredCulture = party == Parties.Russia ? "ru" : "en",
                CreatedAt = now,
            };
            var created = await users.CreateAsync(officer, request.OfficerPassword!);
            if (!created.Succeeded)
            {
                return IdentityErrors.ToValidation(created, "officer");
            }

            var role = await users.AddToRoleAsync(officer, EntenteRoles.ComplianceOfficer);
            if (!role.Succeeded)
            {
                return IdentityErrors.ToValidation(role, "officer");
            }

            var entry = await log.AppendAsync(Actor.System with { UserId = officer.Id, UserName = officerEmail }, "organisation.registered", "organisation/" + organisation.Id.ToString("D"), organisation.Id, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["organisation"] = organisation.Id,
                ["party"] = organisation.Party,
                ["registrationNumber"] = organisation.RegistrationNumber,
                ["taxNumber"] = organisation.TaxNumber,
                ["complianceOfficer"] = officer.Id,
            }, cancellationToken);

            // Screened in the same transaction: a registration is never stored without its screening. The applicant is
            // not told of a hit (no tipping-off); only the organisation's authority sees it.
            await screener.ScreenAsync(organisation, cancellationToken);
            return new RegisteredOrganisation(organisation.Id, officer.Id, entry.Sequence);
        }, cancellationToken);
    }
}
