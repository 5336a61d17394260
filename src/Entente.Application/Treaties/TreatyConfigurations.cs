using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entente.Application.Treaties;

internal sealed class TreatyRecordConfiguration : IEntityTypeConfiguration<TreatyRecord>
{
    public void Configure(EntityTypeBuilder<TreatyRecord> builder)
    {
        builder.ToTable("treaties");
        builder.HasKey(t => t.TreatyId);
        builder.Property(t => t.TreatyId).HasMaxLength(64);
        builder.Property(t => t.VersionInForce).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.PendingAgreement).HasMaxLength(256).IsRequired();
        builder.Property(t => t.SuspendedBy).HasMaxLength(32);
        builder.Property(t => t.SuspensionReason).HasMaxLength(TreatyRecord.ReasonMaxLength);
        builder.Property(t => t.TerminatedBy).HasMaxLength(32);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}

internal sealed class TreatyEventConfiguration : IEntityTypeConfiguration<TreatyEvent>
{
    public void Configure(EntityTypeBuilder<TreatyEvent> builder)
    {
        builder.ToTable("treaty_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TreatyId).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Authority).HasMaxLength(32).IsRequired();
        builder.Property(e => e.Party).HasMaxLength(2).IsRequired();
        builder.Property(e => e.StatusAfter).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.VersionInForce).HasMaxLength(64).IsRequired();
        builder.Property(e => e.AmendmentVersion).HasMaxLength(64);
        builder.Property(e => e.Reason).HasMaxLength(TreatyRecord.ReasonMaxLength);

        // Two steps can never take the same place in a treaty's history.
        builder.HasIndex(e => new { e.TreatyId, e.Sequence }).IsUnique();
        builder.HasOne<TreatyRecord>().WithMany().HasForeignKey(e => e.TreatyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TreatyAmendmentConfiguration : IEntityTypeConfiguration<TreatyAmendment>
{
    public void Configure(EntityTypeBuilder<TreatyAmendment> builder)
    {
        builder.ToTable("treaty_amendments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.TreatyId).HasMaxLength(64).IsRequired();
        builder.Property(a => a.TreatyVersion).HasMaxLength(64).IsRequired();
        builder.Property(a => a.TreatyJson).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ProposedBy).HasMaxLength(32).IsRequired();
        builder.Property(a => a.AcceptedBy).HasMaxLength(256).IsRequired();
        builder.HasIndex(a => new { a.TreatyId, a.TreatyVersion }).IsUnique();
        builder.HasOne<TreatyRecord>().WithMany().HasForeignKey(a => a.TreatyId).OnDelete(DeleteBehavior.Restrict);
    }
}
