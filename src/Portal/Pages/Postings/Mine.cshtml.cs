using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

public sealed record OwnPosting(int Id, PostingKind Kind, string Title, string ParticipantName, PostingStatus Status,
    DateTimeOffset ValidUntil, DateTimeOffset? PublishedAt, DateTimeOffset CreatedAt);

/// <summary>Everything a publisher's participant has, whatever its state: drafts, expired and withdrawn included.</summary>
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
        Postings = await query.AsNoTracking()
            .OrderBy(p => p.Status == PostingStatus.Draft ? 0 : p.Status == PostingStatus.Published ? 1 : 2)
            .ThenByDescending(p => p.CreatedAt)
            .Select(p => new OwnPosting(p.Id, p.Kind, p.Title, p.Participant!.Name, p.Status, p.ValidUntil, p.PublishedAt, p.CreatedAt))
            .Take(500).ToListAsync();
        return Page();
    }
}
