using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Infrastructure;

namespace Portal.Features.Postings;

public sealed class PostingOptions
{
    /// <summary>How long an expired, withdrawn or replaced posting is kept for its owner before it is deleted.</summary>
    public int GraceDays { get; set; } = 90;

    /// <summary>False only in tests, which run the job themselves so that they know when it ran.</summary>
    public bool LifecycleInBackground { get; set; } = true;
}

public sealed record LifecycleReport(int Reminders30, int Reminders7, int Expired, int Deleted);

/// <summary>
/// Reminders before expiry, expiry, and deletion after the grace period. Every step claims its rows with a
/// conditional update before acting, so running it twice, or on two instances at once, acts once.
/// </summary>
public sealed class PostingLifecycle(PortalDbContext db, PostingMail mail, AuditLog audit, TimeProvider time, IOptions<PostingOptions> options)
{
    public async Task<LifecycleReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var in7 = now.AddDays(7);
        var in30 = now.AddDays(30);
        var published = db.Postings.Where(p => p.Status == PostingStatus.Published);

        var due7 = await published.Where(p => p.ValidUntil > now && p.ValidUntil <= in7 && p.Reminder7SentAt == null)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var reminders7 = 0;
        foreach (var id in due7)
        {
            reminders7 += await RemindAsync(id, days: 7, now, cancellationToken) ? 1 : 0;
        }

        var due30 = await published.Where(p => p.ValidUntil > in7 && p.ValidUntil <= in30 && p.Reminder30SentAt == null)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        var reminders30 = 0;
        foreach (var id in due30)
        {
            reminders30 += await RemindAsync(id, days: 30, now, cancellationToken) ? 1 : 0;
        }

        var expired = await published.Where(p => p.ValidUntil <= now && p.ExpiredAt == null)
            .Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken);
        var expiredCount = 0;
        foreach (var posting in expired)
        {
            var claimed = await db.Postings.Where(p => p.Id == posting.Id && p.ExpiredAt == null && p.Status == PostingStatus.Published && p.ValidUntil <= now)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.ExpiredAt, now), cancellationToken);
            if (claimed == 1)
            {
                await audit.RecordAsync(AuditEvent.PostingExpired, $"posting {posting.Id}", posting.Title, actor: "system");
                expiredCount++;
            }
        }

        var cutoff = now.AddDays(-options.Value.GraceDays);
        var doomed = await db.Postings
            .Where(p => (p.Status == PostingStatus.Published && p.ValidUntil <= cutoff)
                || ((p.Status == PostingStatus.Withdrawn || p.Status == PostingStatus.Replaced) && p.ClosedAt <= cutoff))
            .Select(p => new { p.Id, p.Title }).ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var posting in doomed)
        {
            deleted += await DeleteAsync(posting.Id, posting.Title, cutoff, cancellationToken) ? 1 : 0;
        }

        await db.RefreshStatisticsAsync(cancellationToken);
        return new LifecycleReport(reminders30, reminders7, expiredCount, deleted);
    }

    private async Task<bool> RemindAsync(int id, int days, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claim = db.Postings.Where(p => p.Id == id && p.Status == PostingStatus.Published && p.ValidUntil > now);
        // The 7-day reminder also stands for the 30-day one when both fall due at once (a short validity).
        var claimed = days == 7
            ? await claim.Where(p => p.Reminder7SentAt == null).ExecuteUpdateAsync(u => u
                .SetProperty(p => p.Reminder7SentAt, now)
                .SetProperty(p => p.Reminder30SentAt, p => p.Reminder30SentAt ?? now), cancellationToken)
            : await claim.Where(p => p.Reminder30SentAt == null).ExecuteUpdateAsync(u => u
                .SetProperty(p => p.Reminder30SentAt, now), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        var posting = await db.Postings.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                Expiring = new ExpiringPosting(p.Id, p.Kind, p.Title, p.Participant!.Name, p.ValidUntil),
                p.ParticipantId,
                p.SenderEmail,
                p.SenderName,
            })
            .SingleAsync(cancellationToken);
        var recipients = await Recipients(posting.ParticipantId).ToListAsync(cancellationToken);
        // The text's sender, unless a focal point who gets the reminder anyway (it is theirs).
        var sender = posting.SenderEmail is { } email && !recipients.Any(r => string.Equals(r.Email, email, StringComparison.OrdinalIgnoreCase))
            ? new PostingSender(email, posting.SenderName)
            : null;
        if (recipients.Count == 0 && sender is null)
        {
            // Nobody else to tell (a participant without accounts, and no sender recorded): the coordinators look after it.
            recipients = await db.Users.Where(u => u.Role == PortalRole.Coordinator && !u.IsDisabled && u.IsActivated)
                .Select(u => new Recipient(u.Email!, u.FullName)).ToListAsync(cancellationToken);
        }

        foreach (var to in recipients)
        {
            mail.SendExpiryReminder(to.Email, to.Name, posting.Expiring);
        }

        if (sender is not null)
        {
            mail.SendExpiryReminderToSender(sender, posting.Expiring);
        }

        var count = recipients.Count + (sender is null ? 0 : 1);
        audit.WriteAs("system", AuditEvent.PostingReminderSent, $"posting {id}", $"{days} days before expiry, to {count} recipient(s)");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<bool> DeleteAsync(int id, string title, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Links to and from other postings are history of a posting that no longer exists.
        await db.Postings.Where(p => p.ReplacesId == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.ReplacesId, (int?)null), cancellationToken);
        await db.Postings.Where(p => p.ReplacedById == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.ReplacedById, (int?)null), cancellationToken);
        var attachments = await db.PostingAttachments.Where(a => a.PostingId == id).CountAsync(cancellationToken);
        var removed = await db.Postings
            .Where(p => p.Id == id && ((p.Status == PostingStatus.Published && p.ValidUntil <= cutoff)
                || ((p.Status == PostingStatus.Withdrawn || p.Status == PostingStatus.Replaced) && p.ClosedAt <= cutoff)))
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 1)
        {
            audit.WriteAs("system", AuditEvent.PostingDeleted, $"posting {id}",
                $"{title} — deleted with its versions and {attachments} attachment(s) after the grace period");
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return removed == 1;
    }

    private IQueryable<Recipient> Recipients(int participantId) =>
        db.Users.Where(PostingRecipients.FocalPointsOf(participantId)).Select(u => new Recipient(u.Email!, u.FullName));

    private sealed record Recipient(string Email, string Name);
}

/// <summary>Runs <see cref="PostingLifecycle"/> every 10 minutes.</summary>
public sealed class PostingLifecycleService(IServiceScopeFactory scopes, IOptions<PostingOptions> options, ILogger<PostingLifecycleService> logger)
    : ScheduledJob(scopes, logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(10);

    protected override bool RunsInBackground => options.Value.LifecycleInBackground;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var report = await services.GetRequiredService<PostingLifecycle>().RunAsync(cancellationToken);
        if (report != new LifecycleReport(0, 0, 0, 0))
        {
            Logger.LogInformation("Posting lifecycle: {Report}", report);
        }
    }
}
