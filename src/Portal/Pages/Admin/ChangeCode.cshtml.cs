using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.EntryCodes;

namespace Portal.Pages.Admin;

/// <summary>
/// Asks before changing an entry code, because the change signs out everyone who entered with it; then changes it,
/// which e-mails the new code to the code holders, and goes back to the codes page. A reload there only reads.
/// </summary>
public sealed class ChangeCodeModel(EntryCodeStore codes, PortalDbContext db) : PageModel
{
    public CodeAudience Audience { get; private set; }

    public int OpenSessions { get; private set; }

    public int Holders { get; private set; }

    public async Task<IActionResult> OnGetAsync(string audience)
    {
        if (Parse(audience) is not { } chosen)
        {
            return NotFound();
        }

        Audience = chosen;
        var current = await codes.CurrentAsync(chosen);
        OpenSessions = current is null ? 0 : await db.Sessions.CountAsync(s => s.EntryCodeId == current.Id && s.EndedAt == null);
        Holders = await db.CodeHolders.Current(chosen).CountAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string audience)
    {
        if (Parse(audience) is not { } chosen)
        {
            return NotFound();
        }

        // The code is in no answer to this POST, nor in a URL or a TempData cookie: the holders receive it by e-mail, and
        // a coordinator who needs it presses "Show".
        await codes.RotateAsync(chosen, "rotated by the coordinator");
        var holders = await db.CodeHolders.Current(chosen).CountAsync();
        var label = EntryCodeStore.Label(chosen);
        TempData["Status"] = holders switch
        {
            0 => $"The code for {label} has changed, and everyone who entered with the old one has been signed out. Nobody holds it yet, so it was sent to nobody.",
            1 => $"The code for {label} has changed, and everyone who entered with the old one has been signed out. The new code is on its way to the 1 code holder.",
            _ => $"The code for {label} has changed, and everyone who entered with the old one has been signed out. The new code is on its way to the {holders} code holders.",
        };
        return RedirectToPage("/Admin/Codes");
    }

    private static CodeAudience? Parse(string? audience) =>
        Enum.GetValues<CodeAudience>().Cast<CodeAudience?>().FirstOrDefault(a => a.ToString() == audience);
}
