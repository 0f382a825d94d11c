using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Notices;

namespace Portal.Features.Postings;

/// <summary>A published posting of the reader's own that expires within 30 days (<see cref="PostingRenewal.Soon"/>).</summary>
public sealed record ExpiringSoon(int Id, string Title, DateTimeOffset ValidUntil);

/// <summary>
/// What waits in the postings for those who publish (<see cref="Access.Reader.MayPublish"/>): their own participant's
/// published postings that expire within 30 days, each to renew or to let expire. The home page shows it; by e-mail the
/// reminders 30 and 7 days before (<see cref="PostingLifecycle"/>) say it, so the daily summary leaves it out.
/// </summary>
public sealed class PostingWaitingItems(PortalDbContext db, TimeProvider time) : IWaitingItems
{
    public const string Key = "expiring";

    public async Task<IReadOnlyList<WaitingSection>> ForAsync(WaitingAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = time.GetUtcNow();
        if (!account.Reader.MayPublish || account.Reader.OwnParticipantId is not int own)
        {
            return [];
        }

        var expiring = await ExpiringAsync(db, own, now, cancellationToken);
        if (expiring.Count == 0)
        {
            return [];
        }

        var sentence = expiring.Count == 1
            ? "1 of your postings expires within 30 days."
            : $"{expiring.Count.ToString(CultureInfo.InvariantCulture)} of your postings expire within 30 days.";
        return
        [
            new WaitingSection(Key, sentence, "/Postings/Mine", expiring.Count,
                [.. expiring.Take(WaitingItems.MostNamed).Select(p => new WaitingItem(
                    $"“{p.Title}” expires on {PostingLabels.Date(p.ValidUntil)}: renew it if it is still current.",
                    $"/Postings/{p.Id.ToString(CultureInfo.InvariantCulture)}/Renew"))])
            {
                // The reminders 30 and 7 days before say it by e-mail; a daily summary would repeat it for 30 days.
                InDailySummary = false,
            },
        ];
    }

    /// <summary>The participant's published postings that expire within 30 days, soonest first.</summary>
    public static async Task<IReadOnlyList<ExpiringSoon>> ExpiringAsync(
        PortalDbContext db, int participantId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var until = now.Add(PostingRenewal.Soon);
        return await db.Postings.AsNoTracking()
            .Where(p => p.ParticipantId == participantId && p.Status == PostingStatus.Published && p.ValidUntil > now && p.ValidUntil <= until)
            .OrderBy(p => p.ValidUntil).ThenBy(p => p.Id).Select(p => new ExpiringSoon(p.Id, p.Title, p.ValidUntil))
            .ToListAsync(cancellationToken);
    }
}
