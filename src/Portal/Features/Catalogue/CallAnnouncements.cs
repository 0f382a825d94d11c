using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Catalogue;

/// <summary>
/// Tells States' focal points when a call opens, and reminds those whose State has not submitted 30, 7 and 1 days
/// before the deadline. Each message goes once: the call records its announcement and each reminder. A reminder whose
/// day passed while the portal was not running is not sent late; the next one due is.
/// </summary>
public sealed class CallAnnouncements(PortalDbContext db, CatalogueMail mail, TimeProvider time)
{
    public sealed record Report(int Announced, int Reminded);

    public async Task<Report> RunAsync(CancellationToken cancellation = default)
    {
        var now = time.GetUtcNow();
        var calls = await db.CatalogueCalls.Where(c => c.Status == CallStatus.Published).ToListAsync(cancellation);
        int announced = 0, reminded = 0;
        foreach (var call in calls.Where(c => now >= CallCalendar.OpensAt(c) && now < CallCalendar.ClosesAt(c)))
        {
            if (call.AnnouncedAt is null)
            {
                announced += await AnnounceAsync(call, now, cancellation);
                continue;
            }

            reminded += await RemindAsync(call, now, cancellation);
        }

        return new Report(announced, reminded);
    }

    private async Task<int> AnnounceAsync(CatalogueCall call, DateTimeOffset now, CancellationToken cancellation)
    {
        var recipients = await FocalPointsAsync(call, onlyWithoutSubmission: false, cancellation);
        foreach (var (user, extension) in recipients)
        {
            mail.SendCallOpened(user, call, extension);
        }

        call.AnnouncedAt = now;
        // Reminders whose day has already come are covered by the announcement.
        var daysLeft = CallCalendar.DaysLeft(call, now);
        foreach (var days in CallCalendar.ReminderDays.Where(d => d >= daysLeft))
        {
            db.CallReminders.Add(new CallReminder { CallId = call.Id, DaysBefore = days, SentAt = now });
        }

        await db.SaveChangesAsync(cancellation);
        return recipients.Count;
    }

    private async Task<int> RemindAsync(CatalogueCall call, DateTimeOffset now, CancellationToken cancellation)
    {
        var daysLeft = CallCalendar.DaysLeft(call, now);
        var sent = await db.CallReminders.Where(r => r.CallId == call.Id).Select(r => r.DaysBefore).ToListAsync(cancellation);
        var due = CallCalendar.ReminderDays.Where(d => d >= daysLeft && !sent.Contains(d)).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var recipients = await FocalPointsAsync(call, onlyWithoutSubmission: true, cancellation);
        foreach (var (user, extension) in recipients)
        {
            mail.SendReminder(user, call, CallCalendar.DaysLeft(call, now, extension), extension);
        }

        foreach (var days in due)
        {
            db.CallReminders.Add(new CallReminder { CallId = call.Id, DaysBefore = days, SentAt = now });
        }

        await db.SaveChangesAsync(cancellation);
        return recipients.Count;
    }

    /// <summary>Every active focal point of every State (or only of States with nothing submitted), with its State's extension.</summary>
    private async Task<List<(PortalUser User, DateOnly? Extension)>> FocalPointsAsync(CatalogueCall call, bool onlyWithoutSubmission, CancellationToken cancellation)
    {
        var users = db.Users.AsNoTracking().Where(u => u.Role == PortalRole.FocalPoint && u.IsActivated && !u.IsDisabled
            && u.Participant!.Kind == ParticipantKind.State);
        if (onlyWithoutSubmission)
        {
            users = users.Where(u => !db.Contributions.Any(c => c.CallId == call.Id && c.ParticipantId == u.ParticipantId
                && (c.Status == ContributionStatus.Submitted || c.Status == ContributionStatus.RevisionRequested || c.Status == ContributionStatus.Accepted)));
        }

        var list = await users.ToListAsync(cancellation);
        var extensions = await db.CallExtensions.AsNoTracking().Where(x => x.CallId == call.Id)
            .ToDictionaryAsync(x => x.ParticipantId, x => x.Deadline, cancellation);
        return list.Select(u => (u, extensions.TryGetValue(u.ParticipantId, out var d) ? d : (DateOnly?)null)).ToList();
    }
}
