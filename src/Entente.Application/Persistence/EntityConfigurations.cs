using Entente.Application.Identity;
using Entente.Application.Organisations;
using Entente.Application.TransparencyLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entente.Application.Persistence;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.LegalNameEn).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(o => o.LegalNameRu).HasMaxLength(Organisation.NameMaxLength).IsRequired();
        builder.Property(o => o.Party).HasMaxLength(2).IsRequired();
        builder.Property(o => o.RegistrationNumber).HasMaxLength(32).IsRequired();
        builder.Property(o => o.TaxNumber).HasMaxLength(16);
        builder.Property(o => o.Address).HasMaxLength(Organisation.AddressMaxLength).IsRequired();
        builder.Property(o => o.ContactName).HasMaxLength(Organisation.ContactMaxLength).IsRequired();
        builder.Property(o => o.ContactEmail).HasMaxLength(Organisation.ContactMaxLength).IsRequired();
        builder.Property(o => o.ContactPhone).HasMaxLength(64);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.StatusReason).HasMaxLength(Organisation.ReasonMaxLength);
        builder.Property(o => o.SearchText).HasMaxLength(1024).IsRequired();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => new { o.Party, o.RegistrationNumber }).IsUnique();
        builder.HasIndex(o => new { o.Party, o.TaxNumber }).IsUnique();
        builder.HasIndex(o => new { o.Status, o.Party });
    }
}

internal sealed class LogEntryConfiguration : IEntityTypeConfiguration<LogEntry>
{
    public void Configure(EntityTypeBuilder<LogEntry> builder)
    {
        builder.ToTable("log_entries");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Action).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(128).IsRequired();
        builder.Property(e => e.Bytes).IsRequired();
        builder.HasIndex(e => e.Action);
        builder.HasIndex(e => e.OrganisationId);
        builder.HasIndex(e => e.RecordedAt);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("api_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(100).IsRequired();
        builder.Property(t => t.Prefix).HasMaxLength(16).IsRequired();
        builder.Property(t => t.SecretHash).HasMaxLength(32).IsRequired();
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<EntenteUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EntenteUserConfiguration : IEntityTypeConfiguration<EntenteUser>
{
    public void Configure(EntityTypeBuilder<EntenteUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        builder.Property(u => u.Party).HasMaxLength(2);
        builder.Property(u => u.PreferredCulture).HasMaxLength(8).IsRequired();
        builder.HasIndex(u => u.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
