using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

public abstract partial class PortalDbContext
{
    public DbSet<Interest> Interests => Set<Interest>();

    public DbSet<InterestReply> InterestReplies => Set<InterestReply>();

    private static void MapInterests(ModelBuilder builder)
    {
        builder.Entity<Interest>(e =>
        {
            e.Property(i => i.PostingKind).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.PostingTitle).HasMaxLength(PostingLimits.Title);
            e.Property(i => i.PostingVisibility).HasConversion<string>().HasMaxLength(30);
            // Two people changing the state at the same moment: the second is told, not silently overwritten.
            e.Property(i => i.State).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            e.Property(i => i.AuthorUserId).HasMaxLength(450);
            e.Property(i => i.AuthorName).HasMaxLength(200);
            e.Property(i => i.AuthorPosition).HasMaxLength(200);
            e.Property(i => i.AuthorEmail).HasMaxLength(256);
            e.Property(i => i.Message).HasMaxLength(InterestLimits.Message);
            // The posting is deleted after its grace period; the connection stays, with the title it had.
            e.HasOne<Posting>().WithMany().HasForeignKey(i => i.PostingId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(i => i.OwnerParticipant).WithMany().HasForeignKey(i => i.OwnerParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(i => i.Participant).WithMany().HasForeignKey(i => i.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(i => i.Replies).WithOne().HasForeignKey(r => r.InterestId).OnDelete(DeleteBehavior.Cascade);
            // One connection per posting and interested participant: a second expression leads to the first.
            e.HasIndex(i => new { i.PostingId, i.ParticipantId }).IsUnique();
            e.HasIndex(i => new { i.ParticipantId, i.State });
            e.HasIndex(i => new { i.OwnerParticipantId, i.State });
        });

        builder.Entity<InterestReply>(e =>
        {
            e.Property(r => r.AuthorUserId).HasMaxLength(450);
            e.Property(r => r.AuthorName).HasMaxLength(200);
            e.Property(r => r.AuthorEmail).HasMaxLength(256);
            e.Property(r => r.Text).HasMaxLength(InterestLimits.Reply);
            e.HasOne<Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(r => new { r.InterestId, r.Id });
        });
    }
}
