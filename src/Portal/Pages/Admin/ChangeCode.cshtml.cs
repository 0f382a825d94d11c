using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.EntryCodes;

namespace Portal.Pages.Admin;

/// <summary>
/// Asks before changing an entry code, because the change signs out everyone who entered with it; then changes it and
/// goes back to the codes page, where the new code waits to be shown once. A reload there only reads.
/// </summary>
public sealed class ChangeCodeModel(EntryCodeStore codes, PortalDbContext db) : PageModel
{
    public CodeAudience Audience { get; private set; }

    public int OpenSessions { get; private set; }

    public async Task<IActionResult> OnGetAsync(string audience)
    {
        if (Parse(audience) is not { } chosen)
        {
            return NotFound();
        }

        Audience = chosen;
        var current = await codes.CurrentAsync(chosen);
        OpenSessions = current is null ? 0 : await db.Sessions.CountAsync(s => s.EntryCodeId == current.Id && s.EndedAt == null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string audience)
    {
        if (Parse(audience) is not { } chosen)
        {
            return NotFound();
        }

        // Held encrypted until a coordinator presses "Show", as after a scheduled change: the code is in no answer to
        // this POST, nor in a URL or a TempData cookie.
        await codes.RotateAsync(chosen, "rotated by the coordinator", keepForReveal: true);
        TempData["Status"] = $"The code for {EntryCodeStore.Label(chosen)} has changed, and everyone who entered with the old one " +
            "has been signed out. Show the new code below and note it down: it is shown once.";
        return RedirectToPage("/Admin/Codes");
    }

    private static CodeAudience? Parse(string? audience) =>
        Enum.GetValues<CodeAudience>().Cast<CodeAudience?>().FirstOrDefault(a => a.ToString() == audience);
}
