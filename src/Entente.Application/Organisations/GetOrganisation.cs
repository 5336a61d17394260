using Entente.Application.Common;
using Entente.Application.Persistence;
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

        return OrganisationDetails.From(organisation);
    }
}
