using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Features.Postings;

namespace Portal.Pages.Admin;

/// <summary>
/// Everyone who receives each new entry code by e-mail (everyone a code was sent to from an access request), where
/// each stands in the yearly check, and the recent former holders with why their holding ended; revoking stops the
/// next code.
/// </summary>
public sealed class CodeHoldersModel(PortalDbContext db, CodeHolders holders) : PageModel
{
    public IReadOnlyList<HolderRow> Current { get; private set; } = [];

    public IReadOnlyList<HolderRow> Revoked { get; private set; } = [];

    public sealed record HolderRow(
        int Id, string Name, string Email, string Participant, CodeAudience Audience, DateTimeOffset Since, int? RequestId,
        DateTimeOffset ConfirmedAt, DateTimeOffset? AskedAt, DateTimeOffset? RevokedAt, string? RevokedBy, string? RevokedReason)
    {
        /// <summary>Where the holder stands in the yearly check, as a sentence.</summary>
        public string Check => AskedAt is { } asked
            ? $"Asked on {PostingLabels.Date(asked)} to confirm; dropped on {PostingLabels.Date(asked + CodeHolders.Grace)} if they do not answer."
            : $"Confirmed {PostingLabels.Date(ConfirmedAt)}; asked again on {PostingLabels.Date(ConfirmedAt + CodeHolders.ConfirmEvery)}.";

        /// <summary>Why the holding ended: the reason recorded, or a coordinator's revocation (before reasons were kept).</summary>
        public string Why => RevokedReason ?? CodeHolders.RevokedByCoordinator;

        /// <summary>Who ended it: a coordinator by name, or the portal itself (the yearly check).</summary>
        public string By => RevokedBy is null or "system" ? "the portal" : RevokedBy;
    }

    public async Task OnGetAsync()
    {
        var rows = await db.CodeHolders.AsNoTracking()
            .OrderBy(h => h.Audience).ThenBy(h => h.Name).ThenBy(h => h.Id)
            .Select(h => new HolderRow(h.Id, h.Name, h.Email, h.Participant!.Name, h.Audience, h.CreatedAt, h.AccessRequestId,
                h.ConfirmedAt, h.ConfirmationAskedAt, h.RevokedAt, h.RevokedBy, h.RevokedReason))
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
