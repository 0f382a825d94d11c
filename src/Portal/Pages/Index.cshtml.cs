using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Pages;

public sealed class IndexModel(Readers readers, PortalDbContext db) : PageModel
{
    public bool MayPublish { get; private set; }

    public bool IsCoordinator { get; private set; }

    /// <summary>Access requests waiting for a decision: shown to coordinators on their home page.</summary>
    public int PendingRequests { get; private set; }

    public async Task OnGetAsync()
    {
        var reader = await readers.CurrentAsync();
        MayPublish = reader.MayPublish;
        IsCoordinator = reader.IsCoordinator;
        if (IsCoordinator)
        {
            PendingRequests = await db.AccessRequests.CountAsync(r => r.Status == AccessRequestStatus.Pending);
        }
    }
}
