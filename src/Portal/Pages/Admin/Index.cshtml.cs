using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Pages.Admin;

public sealed class IndexModel(PortalDbContext db) : PageModel
{
    public int PendingRequests { get; private set; }

    public int UnsentMail { get; private set; }

    public int CodeHolders { get; private set; }

    public async Task OnGetAsync()
    {
        PendingRequests = await db.AccessRequests.CountAsync(r => r.Status == AccessRequestStatus.Pending);
        UnsentMail = await db.Outbox.CountAsync(m => m.SentAt == null && m.CancelledAt == null);
        CodeHolders = await db.CodeHolders.CountAsync(h => h.RevokedAt == null);
    }
}
