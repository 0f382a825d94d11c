using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.EntryCodes;

namespace Portal.Pages.Admin;

/// <summary>
/// Everyone who receives each new entry code by e-mail (everyone a code was sent to from an access request), and the
/// recently revoked; revoking stops the next code.
/// </summary>
public sealed class CodeHoldersModel(PortalDbContext db, CodeHolders holders) : PageModel
{
    public IReadOnlyList<HolderRow> Current { get; private set; } = [];

    public IReadOnlyList<HolderRow> Revoked { get; private set; } = [];

    public sealed record HolderRow(
        int Id, string Name, string Email, string Participant, CodeAudience Audience, DateTimeOffset Since, int? RequestId,
        DateTimeOffset? RevokedAt, string? RevokedBy);

    public async Task OnGetAsync()
    {
        var rows = await db.CodeHolders.AsNoTracking()
            .OrderBy(h => h.Audience).ThenBy(h => h.Name).ThenBy(h => h.Id)
            .Select(h => new HolderRow(h.Id, h.Name, h.Email, h.Participant!.Name, h.Audience, h.CreatedAt, h.AccessRequestId,
                h.RevokedAt, h.RevokedBy))
            .ToListAsync();
        Current = rows.Where(r => r.RevokedAt is null).ToList();
        Revoked = rows.Where(r => r.RevokedAt is not null).OrderByDescending(r => r.RevokedAt).Take(50).ToList();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var holder = await db.CodeHolders.AsNoTracking().Where(h => h.Id == id).Select(h => new { h.Name, h.Audience }).SingleOrDefaultAsync();
        if (holder is null)
        {
            return NotFound();
        }

        TempData["Status"] = await holders.RevokeAsync(id)
            ? $"{holder.Name} will not receive the next code for {EntryCodeStore.Label(holder.Audience)}. They can still enter with the current one " +
              "until it changes: change it now if they must lose access at once."
            : $"{holder.Name} had already been revoked.";
        return RedirectToPage();
    }
}
