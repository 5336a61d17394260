using Entente.Application.Organisations;
using Entente.Application.Trade;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entente.Application.Screening;

internal sealed class StoredListConfiguration : IEntityTypeConfiguration<StoredList>
{
    public void Configure(EntityTypeBuilder<StoredList> builder)
    {
        builder.ToTable("screening_lists");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Name).HasMaxLength(StoredList.NameMaxLength).IsRequired();
        builder.Property(l => l.Format).HasMaxLength(32).IsRequired();
        builder.HasIndex(l => l.Name).IsUnique();
    }
}

internal sealed class StoredListVersionConfiguration : IEntityTypeConfiguration<StoredListVersion>
{
    public void Configure(EntityTypeBuilder<StoredListVersion> builder)
    {
        builder.ToTable("screening_list_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.ImportedByName).HasMaxLength(200).IsRequired();
        builder.Property(v => v.SourceFileName).HasMaxLength(260).IsRequired();
        builder.Property(v => v.Sha256).HasMaxLength(64).IsRequired();
        builder.HasOne<StoredList>().WithMany().HasForeignKey(v => v.ListId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.ListId, v.Number }).IsUnique();
        builder.HasIndex(v => v.RescreenedAt);
    }
}

internal sealed class StoredListEntryConfiguration : IEntityTypeConfiguration<StoredListEntry>
{
    public void Configure(EntityTypeBuilder<StoredListEntry> builder)
    {
        builder.ToTable("screening_list_entries");
        builder.HasKey(e => new { e.ListId, e.EntityId });
        builder.Property(e => e.EntityId).HasMaxLength(128);
        builder.Property(e => e.EntityType).HasMaxLength(16).IsRequired();
        builder.Property(e => e.PrimaryName).IsRequired();
        builder.Property(e => e.Aliases).IsRequired();
        builder.Property(e => e.Country).HasMaxLength(200);
        builder.Property(e => e.ContentHash).HasMaxLength(64).IsRequired();
        builder.HasOne<StoredList>().WithMany().HasForeignKey(e => e.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScreeningHitConfiguration : IEntityTypeConfiguration<ScreeningHit>
{
    public void Configure(EntityTypeBuilder<ScreeningHit> builder)
    {
        builder.ToTable("screening_hits");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Party).HasMaxLength(2).IsRequired();
        builder.Property(h => h.ListName).HasMaxLength(StoredList.NameMaxLength).IsRequired();
        builder.Property(h => h.EntityId).HasMaxLength(128).IsRequired();
        builder.Property(h => h.EntityName).IsRequired();
        builder.Property(h => h.MatchedName).IsRequired();
        builder.Property(h => h.ScreenedName).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(h => h.Explanation).IsRequired();
        builder.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.Reason).HasMaxLength(ScreeningHit.ReasonMaxLength);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(h => h.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoredList>().WithMany().HasForeignKey(h => h.ListId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Counterparty>().WithMany().HasForeignKey(h => h.CounterpartyId).OnDelete(DeleteBehavior.Cascade);

        // One hit per subject and entry revision. A hit is on an organisation or on one of its counterparties, so each
        // kind has its own partial unique index (NULLs are distinct in a plain one). Both providers read the filter.
        builder.HasIndex(h => new { h.OrganisationId, h.ListId, h.EntityId, h.EntryRevision }).IsUnique().HasFilter("\"CounterpartyId\" IS NULL");
        builder.HasIndex(h => new { h.CounterpartyId, h.ListId, h.EntityId, h.EntryRevision }).IsUnique().HasFilter("\"CounterpartyId\" IS NOT NULL");
        builder.HasIndex(h => new { h.Party, h.Status });
    }
}

internal sealed class ScreeningLeaseConfiguration : IEntityTypeConfiguration<ScreeningLease>
{
    public void Configure(EntityTypeBuilder<ScreeningLease> builder)
    {
        builder.ToTable("screening_leases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(64);
        builder.Property(l => l.Holder).HasMaxLength(128);

        // The row exists from the start, so taking the lease is always one conditional UPDATE.
        builder.HasData(new ScreeningLease { Name = ScreeningLease.Rescreen, Holder = null, ExpiresAt = DateTimeOffset.UnixEpoch });
    }
}
