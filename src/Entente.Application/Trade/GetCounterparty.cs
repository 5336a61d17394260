using Entente.Application.Common;
using Entente.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Trade;

public sealed class GetCounterpartyHandler(EntenteDbContext db)
{
    public async Task<Result<CounterpartyView>> HandleAsync(Actor actor, Guid counterpartyId, CancellationToken cancellationToken)
    {
        var row = await (from c in db.Counterparties.AsNoTracking()
                         join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
                         where c.Id == counterpartyId
                         select new { Counterparty = c, Organisation = o }).FirstOrDefaultAsync(cancellationToken);
        if (row is null || !CounterpartyAccess.CanRead(actor, row.Counterparty))
        {
            return CounterpartyAccess.NotFound(counterpartyId);
        }

        return CounterpartyView.From(row.Counterparty, row.Organisation);
    }
}
