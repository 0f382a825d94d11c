using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;

namespace Portal.Pages.Catalogue.Calls;

/// <summary>An editor changes a call, or publishes a draft.</summary>
public sealed class EditModel(PortalDbContext db, CatalogueVisitors visitors, CallCommands commands) : PageModel
{
    [BindProperty]
    public CallForm Input { get; set; } = new();

    public CatalogueCall Call { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await FindAsync(id) is not { } call)
        {
            return NotFound();
        }

        Call = call;
        Input = CallForm.From(call);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, bool publish)
    {
        if (await FindAsync(id) is not { } call)
        {
            return NotFound();
        }

        Call = call;
        if (!Input.TryApply(call, ModelState, nameof(Input)))
        {
            return Page();
        }

        var wasDraft = call.Status == CallStatus.Draft;
        await commands.UpdateAsync(call, publish);
        TempData["Status"] = publish && wasDraft
            ? $"The call “{call.Title}” is published. States' focal points are told by e-mail when it opens."
            : $"The call “{call.Title}” is saved.";
        return RedirectToPage("Show", new { id });
    }

    private async Task<CatalogueCall?> FindAsync(int id) =>
        (await visitors.CurrentAsync()).IsEditor ? await db.CatalogueCalls.SingleOrDefaultAsync(c => c.Id == id) : null;
}
