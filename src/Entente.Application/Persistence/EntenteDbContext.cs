using Entente.Application.Identity;
using Entente.Application.Organisations;
using Entente.Application.Screening;
using Entente.Application.Trade;
using Entente.Application.TransparencyLog;
using Entente.Application.Treaties;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Persistence;

/// <summary>
/// The one database context of the platform, Identity's tables included. Each capability configures its own
/// entities in its folder (<c>IEntityTypeConfiguration</c>); this class only gathers them.
/// </summary>
public sealed class EntenteDbContext(DbContextOptions<EntenteDbContext> options)
    : IdentityDbContext<EntenteUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<LogEntry> LogEntries => Set<LogEntry>();

    public DbSet<LogNode> LogNodes => Set<LogNode>();

    public DbSet<LogCheckpoint> LogCheckpoints => Set<LogCheckpoint>();

    public DbSet<LogWitnessState> LogWitnessStates => Set<LogWitnessState>();

    public DbSet<LogSigningKey> LogSigningKeys => Set<LogSigningKey>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<TreatyRecord> Treaties => Set<TreatyRecord>();

    public DbSet<TreatyEvent> TreatyEvents => Set<TreatyEvent>();

    public DbSet<TreatyAmendment> TreatyAmendments => Set<TreatyAmendment>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<StoredList> ScreeningLists => Set<StoredList>();

    public DbSet<StoredListVersion> ScreeningListVersions => Set<StoredListVersion>();

    public DbSet<StoredListEntry> ScreeningListEntries => Set<StoredListEntry>();

    public DbSet<ScreeningHit> ScreeningHits => Set<ScreeningHit>();

    public DbSet<ScreeningLease> ScreeningLeases => Set<ScreeningLease>();

    public DbSet<Counterparty> Counterparties => Set<Counterparty>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EntenteDbContext).Assembly);

        // The roles are part of the schema, not of a deployment: fixed ids, created by the migrations.
        builder.Entity<IdentityRole<Guid>>().HasData(EntenteRoles.All.Select((role, i) => new IdentityRole<Guid>(role)
        {
            Id = new Guid(0x0e7e7e00 + i, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = role,
        }));

        // Every text sort names its collation (TextOrder), translated here for the provider.
        Collated.Register(builder, postgres: !Database.IsSqlite());

        // SQLite cannot order or compare DateTimeOffset; store it as UTC ticks there. PostgreSQL keeps timestamptz.
        if (Database.IsSqlite())
        {
            foreach (var entity in builder.Model.GetEntityTypes())
            {
                foreach (var property in entity.GetProperties())
                {
                    if (property.ClrType == typeof(DateTimeOffset))
                    {
                        property.SetValueConverter(DateTimeOffsetToTicks);
                    }
                    else if (property.ClrType == typeof(DateTimeOffset?))
                    {
                        property.SetValueConverter(NullableDateTimeOffsetToTicks);
                    }
                }
            }
        }
    }

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long> DateTimeOffsetToTicks =
        new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset?, long?> NullableDateTimeOffsetToTicks =
        new(v => v.HasValue ? v.Value.UtcTicks : null, v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);
}
