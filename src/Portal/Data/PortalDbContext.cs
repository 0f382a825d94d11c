using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Features.WordImport;

namespace Portal.Data;

/// <summary>
/// The one context. Provider-specific subclasses exist only so that each provider keeps its own migrations set.
/// </summary>
public abstract partial class PortalDbContext(DbContextOptions options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<AccountToken> AccountTokens => Set<AccountToken>();

    public DbSet<EntryCode> EntryCodes => Set<EntryCode>();

    public DbSet<CodeHolder> CodeHolders => Set<CodeHolder>();

    public DbSet<PortalSession> Sessions => Set<PortalSession>();

    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<Setting> Settings => Set<Setting>();

    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Posting> Postings => Set<Posting>();

    public DbSet<PostingVersion> PostingVersions => Set<PostingVersion>();

    public DbSet<PostingAttachment> PostingAttachments => Set<PostingAttachment>();

    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();

    public DbSet<RateCounter> RateCounters => Set<RateCounter>();

    public DbSet<RateCounterName> RateCounterNames => Set<RateCounterName>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Participant>(e =>
        {
            e.HasIndex(p => p.Code).IsUnique();
            e.Property(p => p.Code).HasMaxLength(40);
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.M49).HasMaxLength(3);
            e.Property(p => p.Region).HasMaxLength(60);
            e.Property(p => p.Subregion).HasMaxLength(80);
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(p => p.CcmStatus).HasConversion<string>().HasMaxLength(20);
        });

        builder.Entity<PortalUser>(e =>
        {
            e.Property(u => u.FullName).HasMaxLength(200);
            e.Property(u => u.Position).HasMaxLength(200);
            e.Property(u => u.Role).HasConversion<string>().HasMaxLength(20);
            e.Property(u => u.Notices).HasConversion<string>().HasMaxLength(20);
            e.HasOne(u => u.Participant).WithMany().HasForeignKey(u => u.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Subscription>(e =>
        {
            e.Property(s => s.Timing).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(s => new { s.Timing, s.CoveredUntil });
            e.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(s => s.CodeHolder).WithMany().HasForeignKey(s => s.CodeHolderId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable(t => t.HasCheckConstraint("CK_Subscriptions_OneHolder", "(\"UserId\" IS NULL) <> (\"CodeHolderId\" IS NULL)"));
        });

        builder.Entity<AccountToken>(e =>
        {
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(20);
            e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<EntryCode>(e =>
        {
            e.Property(c => c.Audience).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Hash).HasMaxLength(200);
            e.Property(c => c.CreatedBy).HasMaxLength(300);
            // One current code per audience, enforced by the database.
            e.HasIndex(c => c.Audience).IsUnique().HasFilter("\"RetiredAt\" IS NULL");
        });

        builder.Entity<CodeHolder>(e =>
        {
            e.Property(h => h.Audience).HasConversion<string>().HasMaxLength(20);
            e.Property(h => h.Name).HasMaxLength(200);
            e.Property(h => h.Email).HasMaxLength(256);
            e.Property(h => h.NormalizedEmail).HasMaxLength(256);
            e.Property(h => h.CreatedBy).HasMaxLength(300);
            e.Property(h => h.RevokedBy).HasMaxLength(300);
            e.Property(h => h.RevokedReason).HasMaxLength(300);
            e.HasOne(h => h.Participant).WithMany().HasForeignKey(h => h.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AccessRequest>().WithMany().HasForeignKey(h => h.AccessRequestId).OnDelete(DeleteBehavior.SetNull);
            // One current holding per address and audience: approving the same person again keeps the one they have.
            e.HasIndex(h => new { h.Audience, h.NormalizedEmail }).IsUnique().HasFilter("\"RevokedAt\" IS NULL");
        });

        builder.Entity<PortalSession>(e =>
        {
            e.Property(s => s.Id).HasMaxLength(64);
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.DisplayName).HasMaxLength(200);
            e.Property(s => s.Email).HasMaxLength(256);
            e.Property(s => s.IpAddress).HasMaxLength(64);
            e.Property(s => s.EndReason).HasMaxLength(100);
            e.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(s => s.EntryCode).WithMany().HasForeignKey(s => s.EntryCodeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(s => s.Participant).WithMany().HasForeignKey(s => s.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(s => new { s.UserId, s.EndedAt });
        });

        builder.Entity<AccessRequest>(e =>
        {
            e.Property(r => r.Name).HasMaxLength(200);
            e.Property(r => r.Email).HasMaxLength(256);
            e.Property(r => r.NormalizedEmail).HasMaxLength(256);
            e.Property(r => r.Position).HasMaxLength(200);
            e.Property(r => r.Note).HasMaxLength(2000);
            e.Property(r => r.IpAddress).HasMaxLength(64);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            e.Property(r => r.GrantedRole).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.DecisionReason).HasMaxLength(2000);
            e.Property(r => r.DecidedBy).HasMaxLength(300);
            e.HasOne(r => r.Participant).WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(r => new { r.Status, r.CreatedAt });
            // One pending request per e-mail address, enforced by the database: two identical submissions sent at
            // the same moment cannot both be filed.
            e.HasIndex(r => r.NormalizedEmail).IsUnique().HasFilter("\"Status\" = 'Pending'");
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.Actor).HasMaxLength(300);
            e.Property(a => a.Action).HasMaxLength(60);
            e.Property(a => a.Target).HasMaxLength(300);
            e.Property(a => a.Detail).HasMaxLength(2000);
            e.Property(a => a.IpAddress).HasMaxLength(64);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.Action, a.At });
        });

        builder.Entity<OutboxMessage>(e =>
        {
            e.Property(m => m.Kind).HasMaxLength(60);
            e.Property(m => m.To).HasMaxLength(256);
            e.Property(m => m.ReplyTo).HasMaxLength(256);
            e.Property(m => m.UnsubscribeUrl).HasMaxLength(2000);
            e.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectLength);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.Property(m => m.CancelReason).HasMaxLength(300);
            e.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
            e.HasIndex(m => new { m.Kind, m.SentAt });
        });

        MapPostings(builder);
        MapCatalogue(builder);
        MapInterests(builder);

        builder.Entity<Setting>(e =>
        {
            e.HasKey(s => s.Key);
            e.Property(s => s.Key).HasMaxLength(100);
            e.Property(s => s.Value).HasMaxLength(2000);
        });

        MapSharedState(builder);
    }

    /// <summary>What the app instances share besides the data: rate-limit counters and job leases.</summary>
    private static void MapSharedState(ModelBuilder builder)
    {
        builder.Entity<RateCounter>(e =>
        {
            e.HasKey(c => new { c.Limit, c.Partition });
            e.Property(c => c.Limit).HasMaxLength(40);
            e.Property(c => c.Partition).HasMaxLength(100);
            e.Property(c => c.Salt).HasMaxLength(16);
            // Ended windows are purged by EndsAt.
            e.HasIndex(c => c.EndsAt);
        });

        builder.Entity<RateCounterName>(e =>
        {
            e.HasKey(n => new { n.Limit, n.Partition, n.NameHash });
            e.Property(n => n.Limit).HasMaxLength(40);
            e.Property(n => n.Partition).HasMaxLength(100);
            e.Property(n => n.NameHash).HasMaxLength(64);
            e.HasIndex(n => n.EndsAt);
        });

        builder.Entity<JobLease>(e =>
        {
            e.HasKey(l => l.Job);
            e.Property(l => l.Job).HasMaxLength(100);
            e.Property(l => l.Holder).HasMaxLength(200);
        });
    }

    private static void MapPostings(ModelBuilder builder)
    {
        builder.Entity<Posting>(e =>
        {
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Visibility).HasConversion<string>().HasMaxLength(30);
            e.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Title).HasMaxLength(PostingLimits.Title);
            e.Property(p => p.Summary).HasMaxLength(PostingLimits.Summary);
            e.Property(p => p.Body).HasMaxLength(PostingLimits.Body);
            e.Property(p => p.Currency).HasMaxLength(3);
            e.Property(p => p.Budget).HasPrecision(18, 2);
            e.Property(p => p.Period).HasMaxLength(PostingLimits.Period);
            e.Property(p => p.ContactPoint).HasMaxLength(PostingLimits.ContactPoint);
            e.Property(p => p.ImportReport).HasMaxLength(DocxReport.MaxLength);
            e.Property(p => p.SenderEmail).HasMaxLength(PostingLimits.SenderEmail);
            e.Property(p => p.SenderName).HasMaxLength(PostingLimits.SenderName);
            e.Property(p => p.Revision).IsConcurrencyToken();
            e.HasOne(p => p.Participant).WithMany().HasForeignKey(p => p.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Countries).WithOne().HasForeignKey(c => c.PostingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PostingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Attachments).WithOne().HasForeignKey(a => a.PostingId).OnDelete(DeleteBehavior.Cascade);
            // Links between a posting and the one it replaces; cleared by hand before either is deleted.
            e.HasOne<Posting>().WithMany().HasForeignKey(p => p.ReplacesId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Posting>().WithMany().HasForeignKey(p => p.ReplacedById).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.Status, p.ValidUntil });
            e.HasIndex(p => new { p.Status, p.PublishedAt });
            e.HasIndex(p => new { p.ParticipantId, p.Status });
        });

        builder.Entity<PostingCountry>(e =>
        {
            e.HasKey(c => new { c.PostingId, c.CountryCode });
            e.Property(c => c.CountryCode).HasMaxLength(3);
            e.HasIndex(c => c.CountryCode);
        });

        builder.Entity<PostingVersion>(e =>
        {
            e.HasIndex(v => new { v.PostingId, v.Number }).IsUnique();
            e.Property(v => v.AuthorUserId).HasMaxLength(450);
            e.Property(v => v.AuthorName).HasMaxLength(300);
            e.Property(v => v.Fingerprint).HasMaxLength(64);
            e.Property(v => v.ImportReport).HasMaxLength(DocxReport.MaxLength);
            e.HasOne<Participant>().WithMany().HasForeignKey(v => v.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<PostingAttachment>(e =>
        {
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.Property(a => a.UploadedBy).HasMaxLength(300);
            e.HasOne(a => a.Content).WithOne().HasForeignKey<AttachmentContent>(c => c.AttachmentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AttachmentContent>(e => e.HasKey(c => c.AttachmentId));
    }
}
