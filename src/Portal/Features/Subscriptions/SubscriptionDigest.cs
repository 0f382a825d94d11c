using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;

namespace Portal.Features.Subscriptions;

/// <summary>One new posting as a subscription e-mail names it.</summary>
public sealed record DigestPosting(int Id, PostingKind Kind, string Title, string ParticipantName, CcmAreas Areas, Regions Regions);

/// <summary>
/// Sends the subscription e-mails that are due (<see cref="SubscriptionFilter.IsDue"/>): for each, the postings
/// published since its last e-mail that match it and that its account may see now, by the one visibility rule
/// (<see cref="Reader.MaySee(DateTimeOffset)"/>). Nothing new, no e-mail. Each subscription's period is claimed with a
/// conditional update in the same transaction as its e-mail, so two instances never send it twice.
/// </summary>
public sealed class SubscriptionDigest(PortalDbContext db, SubscriptionMail mail, TimeProvider time)
{
    /// <summary>Returns how many e-mails were queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var lastPublished = await db.Postings.Where(p => p.PublishedAt != null && p.PublishedAt <= now)
            .MaxAsync(p => p.PublishedAt, cancellationToken);
        var weekAgo = now - SubscriptionFilter.Week;
        var candidates = await db.Subscriptions.AsNoTracking()
            .Where(s => (s.Timing == DigestTiming.Weekly && s.CoveredUntil <= weekAgo)
                || (s.Timing == DigestTiming.AtOnce && lastPublished != null && s.CoveredUntil < lastPublished))
            .Where(s => s.User!.IsActivated && !s.User.IsDisabled)
            .OrderBy(s => s.Id)
            .Select(s => new Recipient(s, s.User!.Email!, s.User.FullName, s.User.Role, s.User.ParticipantId, s.User.Participant!.Kind,
                s.User.Participant.MayPublish))
            .ToListAsync(cancellationToken);
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

    private async Task<bool> SendAsync(Recipient recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscription = recipient.Subscription;
        var since = subscription.CoveredUntil;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Subscriptions.Where(s => s.Id == subscription.Id && s.CoveredUntil == since)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.CoveredUntil, now), cancellationToken);
        if (claimed == 0)
        {
            // Another instance had this period, or the subscription was removed.
            return false;
        }

        var reader = new Reader(recipient.ParticipantId, recipient.Kind == ParticipantKind.State, recipient.MayPublish, recipient.Role,
            IsAccount: true, subscription.UserId);
        var published = await db.Postings.AsNoTracking().Where(reader.MaySee(now))
            .Where(p => p.PublishedAt > since && p.PublishedAt <= now)
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

    private sealed record Recipient(
        Subscription Subscription, string Email, string FullName, PortalRole Role, int ParticipantId, ParticipantKind Kind, bool MayPublish);
}
