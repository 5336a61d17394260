using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Entente.Application.TransparencyLog;

internal sealed class LogNodeConfiguration : IEntityTypeConfiguration<LogNode>
{
    public void Configure(EntityTypeBuilder<LogNode> builder)
    {
        builder.ToTable("log_nodes");
        // The key is the lookup: a proof fetches its O(log n) nodes by (level, index) in one query.
        builder.HasKey(n => new { n.Level, n.Index });
        builder.Property(n => n.Level).ValueGeneratedNever();
        builder.Property(n => n.Index).ValueGeneratedNever();
        builder.Property(n => n.Hash).IsRequired();
    }
}

internal sealed class LogCheckpointConfiguration : IEntityTypeConfiguration<LogCheckpoint>
{
    public void Configure(EntityTypeBuilder<LogCheckpoint> builder)
    {
        builder.ToTable("log_checkpoints");
        builder.HasKey(c => c.Size);
        builder.Property(c => c.Size).ValueGeneratedNever();
        builder.Property(c => c.RootHash).IsRequired();
        builder.Property(c => c.Note).IsRequired();
    }
}

internal sealed class LogWitnessStateConfiguration : IEntityTypeConfiguration<LogWitnessState>
{
    public void Configure(EntityTypeBuilder<LogWitnessState> builder)
    {
        builder.ToTable("log_witness_states");
        builder.HasKey(w => w.Authority);
        builder.Property(w => w.Authority).HasMaxLength(2);
        builder.Property(w => w.RootHash).IsRequired();
    }
}

internal sealed class LogSigningKeyConfiguration : IEntityTypeConfiguration<LogSigningKey>
{
    public void Configure(EntityTypeBuilder<LogSigningKey> builder)
    {
        builder.ToTable("log_signing_keys");
        builder.HasKey(k => k.Name);
        builder.Property(k => k.Name).HasMaxLength(256);
        builder.Property(k => k.PrivateKey).IsRequired();
    }
}
