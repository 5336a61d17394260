using Entente.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Entente.Migrations.Postgres;

/// <summary>Lets the EF Core tools build the context for this provider without starting a host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EntenteDbContext>
{
    public EntenteDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<EntenteDbContext>();
        PersistenceRegistration.Configure(builder, new DatabaseOptions { Provider = "Postgres" }, "Host=localhost;Database=entente_design");
        return new EntenteDbContext(builder.Options);
    }
}
