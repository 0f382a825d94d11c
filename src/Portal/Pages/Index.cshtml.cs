using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Postings;

namespace Portal.Pages;

public sealed class IndexModel(Readers readers, PortalDbContext db, TimeProvider time) : PageModel
{
    public sealed record Expiring(int Id, string Title, DateTimeOffset ValidUntil);

    public bool MayPublish { get; private set; }

    public bool IsCoordinator { get; private set; }

    /// <summary>Access requests waiting for a decision: shown to coordinators on their home page.</summary>
    public int PendingRequests { get; private set; }

    /// <summary>The reader's own published postings that expire within 30 days, soonest first: they need a decision.</summary>
    public IReadOnlyList<Expiring> ExpiringSoon { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync()
    {
        var reader = await readers.CurrentAsync();
        MayPublish = reader.MayPublish;
        Now = time.GetUtcNow();
        if (reader.MayPublish && reader.OwnParticipantId is int own)
        {
            var until = Now.Add(PostingRenewal.Soon);
            ExpiringSoon = await db.Postings.AsNoTracking()
                .Where(p => p.ParticipantId == own && p.Status == PostingStatus.Published && p.ValidUntil > Now && p.ValidUntil <= until)
                .OrderBy(p => p.ValidUntil).Select(p => new Expiring(p.Id, p.Title, p.ValidUntil)).ToListAsync();
        }

        IsCoordinator = reader.IsCoordinator;
        if (IsCoordinator)
        {
            PendingRequests = await db.AccessRequests.CountAsync(r => r.Status == AccessRequestStatus.Pending);
        }
    }
}
