using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Security;

namespace Portal.Features.Postings;

/// <summary>
/// The links in the e-mails to the sender of a text the coordinator published on a participant's behalf
/// (<see cref="Posting.SenderEmail"/>), which renew or withdraw that posting without an account (a
/// <see cref="SignedLinks"/> link, one purpose for each). A link is bound to the address it was sent to: once the
/// coordinator records another sender, or none, the old sender's links stop working. It lasts until the posting would
/// be deleted if nobody renewed it (its expiry and the grace period), since until then there is something to renew or
/// withdraw; a renewal link does nothing twice, as renewal opens only 60 days before expiry (<see cref="PostingRenewal"/>).
/// </summary>
public sealed class PostingSenderLinks(SignedLinks links, PortalDbContext db, TimeProvider time, IOptions<PostingOptions> options)
{
    private const string RenewPurpose = "Portal.Postings.SenderRenew.v1";
    private const string WithdrawPurpose = "Portal.Postings.SenderWithdraw.v1";

    public const string RenewPage = "/Postings/RenewByLink";
    public const string WithdrawPage = "/Postings/WithdrawByLink";

    public string RenewPath(int postingId, string senderEmail, DateTimeOffset validUntil) =>
        RenewPage + "?token=" + Uri.EscapeDataString(links.Seal(RenewPurpose, postingId, Lifetime(validUntil), Bound(senderEmail)));

    public string WithdrawPath(int postingId, string senderEmail, DateTimeOffset validUntil) =>
        WithdrawPage + "?token=" + Uri.EscapeDataString(links.Seal(WithdrawPurpose, postingId, Lifetime(validUntil), Bound(senderEmail)));

    /// <summary>The published posting a renewal link names, tracked; null when the link was changed, made up, has expired or no longer applies.</summary>
    public Task<Posting?> ForRenewalAsync(string? token) => FindAsync(links.ReadBound(RenewPurpose, token));

    /// <summary>The same for a withdrawal link.</summary>
    public Task<Posting?> ForWithdrawalAsync(string? token) => FindAsync(links.ReadBound(WithdrawPurpose, token));

    private async Task<Posting?> FindAsync((int Id, string BoundTo)? link)
    {
        if (link is not var (id, boundTo))
        {
            return null;
        }

        var posting = await db.Postings.Include(p => p.Participant).SingleOrDefaultAsync(p => p.Id == id && p.Status == PostingStatus.Published);
        return posting?.SenderEmail is { } sender && Bound(sender) == boundTo ? posting : null;
    }

    private TimeSpan Lifetime(DateTimeOffset validUntil)
    {
        var left = validUntil.AddDays(options.Value.GraceDays) - time.GetUtcNow();
        return left > TimeSpan.FromDays(1) ? left : TimeSpan.FromDays(1);
    }

    private static string Bound(string senderEmail) => senderEmail.Trim().ToUpperInvariant();
}
