using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Access;

namespace Portal.Features.Notices;

public sealed class NoticeOptions
{
    /// <summary>The local hour (0–23) at which the daily summary is sent.</summary>
    public int SummaryHour { get; set; } = 7;

    /// <summary>The time zone of <see cref="SummaryHour"/> and of the day a summary is for.</summary>
    public string TimeZone { get; set; } = "Europe/Zurich";

    /// <summary>False only in tests, which run the summary themselves so that they know when it ran.</summary>
    public bool SummaryInBackground { get; set; } = true;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

/// <summary>
/// The daily summary: once a local day, from <see cref="NoticeOptions.SummaryHour"/>, each account that chose it and
/// has something waiting (<see cref="WaitingItems"/>) gets one e-mail listing it; nothing waiting, no e-mail. The day
/// is claimed on the account with a conditional update in the same transaction as the e-mail, so two instances, or a
/// run after a restart, never send an account two summaries for one day.
/// </summary>
public sealed class DailySummary(PortalDbContext db, WaitingItems waiting, NoticeMail mail, TimeProvider time, IOptions<NoticeOptions> options)
{
    /// <summary>The day whose summary is due now: today from the summary hour on, yesterday before it.</summary>
    public DateOnly DayDue() => SummaryClock.DayDue(time.GetUtcNow(), options.Value.Zone, options.Value.SummaryHour);

    /// <summary>Sends the summaries due and not yet sent. Returns how many e-mails were queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var day = DayDue();
        var due = await db.Users.AsNoTracking().Where(NoticeChoice.ReadsDailySummary)
            .Where(u => u.LastSummaryDay == null || u.LastSummaryDay < day).OrderBy(u => u.Id)
            .Select(u => new Recipient(u.Id, u.Email!, u.FullName, u.Role, u.IsEditor, u.ParticipantId, u.Participant!.Kind, u.Participant.MayPublish))
            .ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var recipient in due)
        {
            if (await SendAsync(recipient, day, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>
    /// The <see cref="PortalUser.LastSummaryDay"/> of an account that chooses the summary now: the summary already due
    /// counts as had, so its first one comes at the next summary hour, not at once (what waited so far it was told of at once).
    /// </summary>
    public DateOnly FirstSummaryAfter() => DayDue();

    private async Task<bool> SendAsync(Recipient recipient, DateOnly day, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Users
            .Where(u => u.Id == recipient.Id && (u.LastSummaryDay == null || u.LastSummaryDay < day))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSummaryDay, day), cancellationToken);
        if (claimed == 0)
        {
            // Another instance had this account's summary of the day.
            return false;
        }

        var reader = Reader.ForAccount(recipient.Id, recipient.ParticipantId, recipient.Kind, recipient.MayPublish, recipient.Role);
        var sections = (await waiting.ForAsync(new WaitingAccount(reader, recipient.IsEditor), cancellationToken))
            .Where(s => s.InDailySummary).ToList();
        if (sections.Count > 0)
        {
            mail.SendDailySummary(recipient.Email, recipient.FullName, day, sections);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return sections.Count > 0;
    }

    private sealed record Recipient(
        string Id, string Email, string FullName, PortalRole Role, bool IsEditor, int ParticipantId, ParticipantKind Kind, bool MayPublish);
}
