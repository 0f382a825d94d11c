using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;

namespace Portal.Pages.Catalogue.Calls;

/// <summary>A State's focal point starts a contribution to an open call; it is saved as a draft first.</summary>
public sealed class ContributeModel(PortalDbContext db, CatalogueVisitors visitors, ContributionCommands commands, TimeProvider time) : PageModel
{
    [BindProperty]
    public ContributionForm Input { get; set; } = new();

    public CatalogueCall Call { get; private set; } = null!;

    public string TimeLeft { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await FindAsync(id) is not { } call)
        {
            return NotFound();
        }

        Input.AddEmptyRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await FindAsync(id) is not { } call)
        {
            return NotFound();
        }

        if (await commands.StartAsync(call, Input, ModelState) is not { } contribution)
        {
            Input.AddEmptyRows();
            return Page();
        }

        TempData["Status"] = "Your draft is saved. Only your State's accounts see it until you submit it.";
        return RedirectToPage("/Catalogue/Contributions/Edit", new { id = contribution.Id });
    }

    private async Task<CatalogueCall?> FindAsync(int id)
    {
        var visitor = await visitors.CurrentAsync();
        if (visitor.Reader.OwnParticipantId is not int own || !visitor.MayWrite(own)
            || await db.CatalogueCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status == CallStatus.Published) is not { } call)
        {
            return null;
        }

        Call = call;
        TimeLeft = CallCalendar.TimeLeft(call, time.GetUtcNow(), await commands.ExtensionAsync(call.Id, own));
        return call;
    }
}
