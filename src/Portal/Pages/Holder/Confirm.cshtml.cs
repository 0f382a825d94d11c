using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.EntryCodes;

namespace Portal.Pages.Holder;

/// <summary>
/// A code holder's yearly answer, from the link in the e-mail that asks it (no sign-in). Opening the link changes
/// nothing (mail scanners open links); the button confirms. A link that was changed, made up or has expired, or whose
/// holding has ended, reads the same whatever it named.
/// </summary>
public sealed class ConfirmModel(CodeHolderLinks links, CodeHolders holders, PortalDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public CodeAudience? Audience { get; private set; }

    public bool IsDone { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Audience = await CurrentAudienceAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Audience = await CurrentAudienceAsync();
        if (Audience is not null && links.ReadConfirm(Token) is int id)
        {
            IsDone = await holders.ConfirmAsync(id);
        }

        return Page();
    }

    private async Task<CodeAudience?> CurrentAudienceAsync() =>
        links.ReadConfirm(Token) is int id
            ? await db.CodeHolders.AsNoTracking().Where(h => h.Id == id && h.RevokedAt == null).Select(h => (CodeAudience?)h.Audience).SingleOrDefaultAsync()
            : null;
}
