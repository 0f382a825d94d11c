using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

public sealed record OwnPosting(int Id, PostingKind Kind, string Title, string ParticipantName, PostingStatus Status,
    DateTimeOffset ValidUntil, DateTimeOffset? PublishedAt, DateTimeOffset CreatedAt)
{
    /// <summary>Flagged and listed first: published, and expiring within <see cref="PostingRenewal.Soon"/>.</summary>
    public bool ExpiresSoon(DateTimeOffset now) => Status == PostingStatus.Published && PostingRenewal.ExpiresSoon(ValidUntil, now);
}

/// <summary>
/// Everything a publisher's participant has, whatever its state: drafts, expired and withdrawn included. What expires
/// soon comes first, soonest first, as on the home page: it needs a decision.
/// </summary>
public sealed class MineModel(PortalDbContext db, Readers readers, TimeProvider time) : PageModel
{
    public IReadOnlyList<OwnPosting> Postings { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public bool IsCoordinator { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var reader = await readers.CurrentAsync();
        if (!reader.MayPublish)
        {
            return RedirectToPage("/Postings/WhoPublishes");
        }

        Now = time.GetUtcNow();
        IsCoordinator = reader.IsCoordinator;
        // The coordinator's list is everyone's drafts and closed postings: what needs an eye, not what everyone reads.
        var query = reader.IsCoordinator
            ? db.Postings.Where(p => p.ParticipantId == reader.ParticipantId || p.Status != PostingStatus.Published || p.ValidUntil <= Now)
            : db.Postings.Where(p => p.ParticipantId == reader.ParticipantId);
        // The order is the database's, so the first 500 always hold what expires soon; the flag is PostingRenewal's rule.
        var now = Now;
        var soon = now.Add(PostingRenewal.Soon);
        Postings = await query.AsNoTracking()
            .Select(p => new { Posting = p, Soon = p.Status == PostingStatus.Published && p.ValidUntil > now && p.ValidUntil <= soon })
            .OrderByDescending(x => x.Soon)
            .ThenBy(x => x.Soon ? x.Posting.ValidUntil : now)
            .ThenBy(x => x.Posting.Status == PostingStatus.Draft ? 0 : x.Posting.Status == PostingStatus.Published ? 1 : 2)
            .ThenByDescending(x => x.Posting.CreatedAt)
            .Select(x => new OwnPosting(x.Posting.Id, x.Posting.Kind, x.Posting.Title, x.Posting.Participant!.Name, x.Posting.Status,
                x.Posting.ValidUntil, x.Posting.PublishedAt, x.Posting.CreatedAt))
            .Take(500).ToListAsync();
        return Page();
    }
}
