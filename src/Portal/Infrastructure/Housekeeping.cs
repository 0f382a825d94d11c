using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Sessions;

namespace Portal.Infrastructure;

public sealed record HousekeepingReport(int Sessions, int Tokens, int Mails);

/// <summary>
/// Removes what is finished and kept only for a while (<see cref="HousekeepingOptions"/>): ended or run-out sessions,
/// used or expired invitation and reset links, sent or cancelled e-mails. E-mails not yet sent stay whatever their
/// age: the dispatcher keeps trying them and the outbox page shows their error. The audit log is never purged, and
/// the book's old builds lose their files by <c>BuildPurge</c> (run by the build job), not here. Rows go in batches,
/// each delete its own short transaction, so a first purge of years of rows never holds a table for long.
/// </summary>
public sealed class Housekeeping(PortalDbContext db, TimeProvider time, IOptions<HousekeepingOptions> options, ILogger<Housekeeping> logger)
{
    public async Task<HousekeepingReport> RunAsync(CancellationToken cancellation = default)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;

        // A session is over when it was ended, or at the latest its absolute lifetime after sign-in.
        var sessionsOverBefore = now - TimeSpan.FromDays(settings.SessionDays);
        var sessionsCreatedBefore = sessionsOverBefore - SessionStore.AbsoluteLifetime;
        var sessions = await DeleteInBatchesAsync(settings.BatchSize,
            db.Sessions.Where(s => s.EndedAt < sessionsOverBefore || s.CreatedAt < sessionsCreatedBefore).OrderBy(s => s.Id), cancellation);

        var tokensBefore = now - TimeSpan.FromDays(settings.TokenDays);
        var tokens = await DeleteInBatchesAsync(settings.BatchSize,
            db.AccountTokens.Where(t => t.UsedAt < tokensBefore || t.ExpiresAt < tokensBefore).OrderBy(t => t.Id), cancellation);

        var mailBefore = now - TimeSpan.FromDays(settings.SentMailDays);
        var mails = await DeleteInBatchesAsync(settings.BatchSize,
            db.Outbox.Where(m => m.SentAt < mailBefore || m.CancelledAt < mailBefore).OrderBy(m => m.Id), cancellation);

        var report = new HousekeepingReport(sessions, tokens, mails);
        if (report != new HousekeepingReport(0, 0, 0))
        {
            logger.LogInformation(
                "Housekeeping removed {Sessions} session(s), {Tokens} link token(s) and {Mails} sent or cancelled e-mail(s)", sessions, tokens, mails);
        }

        return report;
    }

    private static async Task<int> DeleteInBatchesAsync<T>(int batchSize, IQueryable<T> due, CancellationToken cancellation)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await due.Take(batchSize).ExecuteDeleteAsync(cancellation);
            total += deleted;
        }
        while (deleted == batchSize);
        return total;
    }
}
