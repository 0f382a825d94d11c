using Microsoft.EntityFrameworkCore;
using Portal.Features.WordImport;

namespace Portal.Data;

public abstract partial class PortalDbContext
{
    public DbSet<CatalogueCall> CatalogueCalls => Set<CatalogueCall>();

    public DbSet<CallExtension> CallExtensions => Set<CallExtension>();

    public DbSet<CallReminder> CallReminders => Set<CallReminder>();

    public DbSet<Contribution> Contributions => Set<Contribution>();

    public DbSet<ContributionAuthor> ContributionAuthors => Set<ContributionAuthor>();

    public DbSet<ContributionTestimonial> ContributionTestimonials => Set<ContributionTestimonial>();

    public DbSet<ContributionFigure> ContributionFigures => Set<ContributionFigure>();

    public DbSet<FigureImage> FigureImages => Set<FigureImage>();

    public DbSet<ContributionReview> ContributionReviews => Set<ContributionReview>();

    public DbSet<ContributionEdit> ContributionEdits => Set<ContributionEdit>();

    public DbSet<ContributionVersion> ContributionVersions => Set<ContributionVersion>();

    public DbSet<CatalogueBuild> CatalogueBuilds => Set<CatalogueBuild>();

    public DbSet<BuildFile> BuildFiles => Set<BuildFile>();

    public DbSet<BuildFileContent> BuildFileContents => Set<BuildFileContent>();

    private static void MapCatalogue(ModelBuilder builder)
    {
        builder.Entity<CatalogueCall>(e =>
        {
            e.Property(c => c.Title).HasMaxLength(200);
            e.Property(c => c.Instructions).HasMaxLength(20_000);
            e.Property(c => c.TimeZone).HasMaxLength(60);
            e.Property(c => c.ContactPersons).HasMaxLength(2_000);
            e.Property(c => c.Foreword).HasMaxLength(20_000);
            e.Property(c => c.Introduction).HasMaxLength(20_000);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Grouping).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasMany(c => c.Extensions).WithOne().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CallExtension>(e =>
        {
            e.HasIndex(x => new { x.CallId, x.ParticipantId }).IsUnique();
            e.Property(x => x.GrantedBy).HasMaxLength(300);
            e.HasOne(x => x.Participant).WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<CallReminder>(e =>
        {
            e.HasIndex(r => new { r.CallId, r.DaysBefore }).IsUnique();
            e.HasOne<CatalogueCall>().WithMany().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Contribution>(e =>
        {
            e.Property(c => c.Title).HasMaxLength(ContributionLimits.Title);
            e.Property(c => c.Period).HasMaxLength(ContributionLimits.Period);
            e.Property(c => c.Body).HasMaxLength(ContributionLimits.Body);
            e.Property(c => c.EditorComment).HasMaxLength(ContributionLimits.Comment);
            e.Property(c => c.ChapterGroup).HasMaxLength(100);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Role).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.CreatedBy).HasMaxLength(450);
            e.Property(c => c.SubmittedBy).HasMaxLength(450);
            e.Property(c => c.EnteredOnBehalfBy).HasMaxLength(450);
            e.Property(c => c.ReceivedFromName).HasMaxLength(ContributionLimits.Name);
            e.Property(c => c.ReceivedFromEmail).HasMaxLength(256);
            e.Property(c => c.ImportedFileName).HasMaxLength(200);
            e.Property(c => c.ImportedFileSha256).HasMaxLength(64);
            e.Property(c => c.ImportReport).HasMaxLength(DocxReport.MaxLength);
            e.Property(c => c.SubmittedFromName).HasMaxLength(ContributionLimits.Name);
            e.Property(c => c.SubmittedFromEmail).HasMaxLength(256);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasOne(c => c.Call).WithMany().HasForeignKey(c => c.CallId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(c => c.Participant).WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Authors).WithOne().HasForeignKey(a => a.ContributionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Testimonials).WithOne().HasForeignKey(t => t.ContributionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Figures).WithOne().HasForeignKey(f => f.ContributionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Contribution>().WithMany().HasForeignKey(c => c.JoinedToId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.CallId, c.Status });
            e.HasIndex(c => new { c.ParticipantId, c.CallId });
        });

        builder.Entity<ContributionAuthor>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(ContributionLimits.Name);
            e.Property(a => a.Function).HasMaxLength(ContributionLimits.Name);
            e.Property(a => a.Organisation).HasMaxLength(ContributionLimits.Name);
        });

        builder.Entity<ContributionTestimonial>(e =>
        {
            e.Property(t => t.Quote).HasMaxLength(ContributionLimits.Quote);
            e.Property(t => t.Person).HasMaxLength(ContributionLimits.Name);
            e.Property(t => t.Role).HasMaxLength(ContributionLimits.Name);
            e.Property(t => t.Place).HasMaxLength(ContributionLimits.Name);
        });

        builder.Entity<ContributionFigure>(e =>
        {
            e.Property(f => f.Caption).HasMaxLength(ContributionLimits.Caption);
            e.Property(f => f.Credit).HasMaxLength(ContributionLimits.Credit);
            e.Property(f => f.AltText).HasMaxLength(ContributionLimits.AltText);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.HasOne(f => f.Image).WithOne().HasForeignKey<FigureImage>(i => i.FigureId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<FigureImage>(e => e.HasKey(i => i.FigureId));

        builder.Entity<ContributionReview>(e =>
        {
            e.Property(r => r.Decision).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Comment).HasMaxLength(ContributionLimits.Comment);
            e.Property(r => r.EditorId).HasMaxLength(450);
            e.HasOne<Contribution>().WithMany().HasForeignKey(r => r.ContributionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => r.ContributionId);
        });

        builder.Entity<ContributionEdit>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(ContributionLimits.Title);
            e.Property(x => x.Body).HasMaxLength(ContributionLimits.Body);
            e.Property(x => x.Note).HasMaxLength(ContributionEditLimits.Note);
            e.Property(x => x.DeclineReason).HasMaxLength(ContributionEditLimits.Reason);
            e.Property(x => x.EditorId).HasMaxLength(450);
            e.Property(x => x.AnsweredBy).HasMaxLength(450);
            e.Property(x => x.AnswerFromName).HasMaxLength(ContributionLimits.Name);
            e.Property(x => x.AnswerFromEmail).HasMaxLength(256);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            e.HasOne<Contribution>().WithMany().HasForeignKey(x => x.ContributionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.ContributionId);
            // At most one proposal waits per contribution, enforced by the database: two editors saving at once
            // cannot both leave one open.
            e.HasIndex(x => x.ContributionId, "IX_ContributionEdits_OneOpen").IsUnique().HasFilter("\"Status\" = 'Proposed'");
        });

        builder.Entity<ContributionVersion>(e =>
        {
            e.Property(v => v.Title).HasMaxLength(ContributionLimits.Title);
            e.Property(v => v.Body).HasMaxLength(ContributionLimits.Body);
            e.Property(v => v.Note).HasMaxLength(ContributionEditLimits.Note);
            e.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.WrittenBy).HasMaxLength(450);
            e.Property(v => v.ApprovedBy).HasMaxLength(450);
            e.Property(v => v.SignOffFromName).HasMaxLength(ContributionLimits.Name);
            e.Property(v => v.SignOffFromEmail).HasMaxLength(256);
            e.Property(v => v.SentFromName).HasMaxLength(ContributionLimits.Name);
            e.Property(v => v.SentFromEmail).HasMaxLength(256);
            e.HasOne<Contribution>().WithMany().HasForeignKey(v => v.ContributionId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(v => new { v.ContributionId, v.Number }).IsUnique();
        });

        builder.Entity<CatalogueBuild>(e =>
        {
            e.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(b => b.Progress).HasMaxLength(300);
            e.Property(b => b.Error).HasMaxLength(1_000);
            e.Property(b => b.Fingerprint).HasMaxLength(64);
            e.Property(b => b.RequestedBy).HasMaxLength(450);
            e.Property(b => b.PublishedBy).HasMaxLength(450);
            e.HasOne<CatalogueCall>().WithMany().HasForeignKey(b => b.CallId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(b => b.Files).WithOne().HasForeignKey(f => f.BuildId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(b => new { b.CallId, b.Status });
        });

        builder.Entity<BuildFile>(e =>
        {
            e.Property(f => f.Kind).HasConversion<string>().HasMaxLength(10);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.Name).HasMaxLength(100);
            e.HasIndex(f => new { f.BuildId, f.Kind, f.Name }).IsUnique();
            e.HasOne(f => f.Content).WithOne().HasForeignKey<BuildFileContent>(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<BuildFileContent>(e => e.HasKey(c => c.FileId));
    }
}
