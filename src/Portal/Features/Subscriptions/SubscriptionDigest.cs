using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.EntryCodes;

namespace Portal.Features.Subscriptions;

/// <summary>One new posting as a subscription e-mail names it.</summary>
public sealed record DigestPosting(int Id, PostingKind Kind, string Title, string ParticipantName, CcmAreas Areas, Regions Regions);

/// <summary>
/// Sends the subscription e-mails that are due (<see cref="SubscriptionFilter.IsDue"/>): for each, the postings
/// published since its last e-mail that match it and that its holder may see now (an account as itself, a code holder
/// as their code's audience), by the one visibility rule
/// (<see cref="Reader.MaySee(DateTimeOffset)"/>). Nothing new, no e-mail. Each subscription's period is claimed with a
/// conditional update in the same transaction as its e-mail, so two instances never send it twice.
/// </summary>
public sealed class SubscriptionDigest(PortalDbContext db, SubscriptionMail mail, TimeProvider time)
{
    /// <summary>Returns how many e-mails were queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        // A period ends a little before now: a posting is stamped before its transaction commits, and one committed
        // after this run read would otherwise fall behind the period and never be sent.
        var now = time.GetUtcNow() - Settle;
        var lastPublished = await FirstPublications(DateTimeOffset.MinValue, now).MaxAsync(v => (DateTimeOffset?)v.PublishedAt, cancellationToken);
        var weekAgo = now - SubscriptionFilter.Week;
        var due = db.Subscriptions.AsNoTracking()
            .Where(s => (s.Timing == DigestTiming.Weekly && s.CoveredUntil <= weekAgo)
                || (s.Timing == DigestTiming.AtOnce && lastPublished != null && s.CoveredUntil < lastPublished));
        var accounts = await due.Where(s => s.UserId != null && s.User!.IsActivated && !s.User.IsDisabled)
            .Select(s => new
            {
                Subscription = s,
                s.User!.Email,
                s.User.FullName,
                s.User.Role,
                s.User.ParticipantId,
                s.User.Participant!.Kind,
                s.User.Participant.MayPublish,
            })
            .ToListAsync(cancellationToken);
        // A code holder reads what their code opens: the anonymous reader of its audience, never their participant's.
        var holders = await due.Where(s => s.CodeHolderId != null && s.CodeHolder!.RevokedAt == null)
            .Select(s => new
            {
                Subscription = s,
                s.CodeHolder!.Email,
                s.CodeHolder.Name,
                s.CodeHolder.Audience,
                s.CodeHolder.ParticipantId,
                s.CodeHolder.Participant!.Kind,
                s.CodeHolder.Participant.MayPublish,
            })
            .ToListAsync(cancellationToken);
        var candidates = accounts
            .Select(a => new Recipient(a.Subscription, a.Email!, a.FullName,
                Reader.ForAccount(a.Subscription.UserId!, a.ParticipantId, a.Kind, a.MayPublish, a.Role)))
            .Concat(holders.Select(h => new Recipient(h.Subscription, h.Email, h.Name,
                Reader.ForCodeSession(h.ParticipantId, h.Kind, h.MayPublish, EntryCodeStore.RoleOf(h.Audience)))))
            .OrderBy(r => r.Subscription.Id)
            .ToList();
        var sent = 0;
        foreach (var recipient in candidates.Where(c => SubscriptionFilter.IsDue(c.Subscription, now, lastPublished)))
        {
            if (await SendAsync(recipient, now, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>The longest period an e-mail covers: a weekly one that came late, never the months an account was away.</summary>
    public static readonly TimeSpan MostBehind = 2 * SubscriptionFilter.Week;

    /// <summary>How long before now a period ends (see <see cref="SendDueAsync"/>).</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The first versions published in (<paramref name="after"/>, <paramref name="until"/>]: a posting is new once, when
    /// it is first published; a later version of it is no news to subscribers.
    /// </summary>
    private IQueryable<PostingVersion> FirstPublications(DateTimeOffset after, DateTimeOffset until) =>
        db.PostingVersions.Where(v => v.Number == 1 && v.PublishedAt > after && v.PublishedAt <= until);

    private async Task<bool> SendAsync(Recipient recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscription = recipient.Subscription;
        var covered = subscription.CoveredUntil;
        // An account that was away (disabled, not yet activated) hears of the last two weeks at most, not of months.
        var since = covered < now - MostBehind ? now - MostBehind : covered;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Subscriptions.Where(s => s.Id == subscription.Id && s.CoveredUntil == covered)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.CoveredUntil, now), cancellationToken);
        if (claimed == 0)
        {
            // Another instance had this period, or the subscription was removed.
            return false;
        }

        var reader = recipient.Reader;
        var firsts = FirstPublications(since, now);
        var published = await db.Postings.AsNoTracking().Where(reader.MaySee(now))
            .Where(p => firsts.Any(v => v.PostingId == p.Id))
            .OrderBy(p => p.PublishedAt).ThenBy(p => p.Id)
            .Select(p => new DigestPosting(p.Id, p.Kind, p.Title, p.Participant!.Name, p.Areas, p.Regions))
            .ToListAsync(cancellationToken);
        var matching = published.Where(p => SubscriptionFilter.Matches(subscription, p.Kind, p.Areas, p.Regions)).ToList();
        if (matching.Count > 0)
        {
            mail.SendDigest(recipient.Email, recipient.FullName, subscription, since, matching);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return matching.Count > 0;
    }

    private sealed record Recipient(Subscription Subscription, string Email, string FullName, Reader Reader);
}
