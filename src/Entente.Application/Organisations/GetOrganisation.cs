using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Persistence;
using Entente.Application.Screening;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Organisations;

public sealed class GetOrganisationHandler(EntenteDbContext db)
{
    public async Task<Result<OrganisationDetails>> HandleAsync(Actor actor, Guid organisationId, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (organisation is null || !OrganisationAccess.CanRead(actor, organisation))
        {
            return OrganisationAccess.NotFound(organisationId);
        }

        // The screening state is the authority's: the organisation's own people are not told of a hit (no tipping-off).
        var openHit = (actor.CanReadParty(organisation.Party) || actor.IsInRole(EntenteRoles.Administrator))
            && await db.ScreeningHits.AnyAsync(h => h.OrganisationId == organisationId && h.CounterpartyId == null && h.Status == HitStatus.Open, cancellationToken);
        return OrganisationDetails.From(organisation) with { OpenScreeningHit = openHit };
    }
}
