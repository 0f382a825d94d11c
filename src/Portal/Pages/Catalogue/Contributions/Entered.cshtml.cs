using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;

namespace Portal.Pages.Catalogue.Contributions;

/// <summary>The confirmation after an editor entered a contribution received by e-mail: who was told, what happens next.</summary>
public sealed class EnteredModel(PortalDbContext db, ContributionCommands commands, ContributionImports imports, CatalogueVisitors visitors) : PageModel
{
    public Contribution Contribution { get; private set; } = null!;

    public ContributionImports.Entry Entry { get; private set; } = null!;

    /// <summary>Who was e-mailed that the draft waits: the State's focal points (counted now).</summary>
    public string FocalPointsTold { get; private set; } = "";

    /// <summary>Whether the State has an account that acts for it; without one, the editor completes and submits the draft.</summary>
    public bool StateActs { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var visitor = await visitors.CurrentAsync();
        if (await commands.FindAsync(id) is not { } contribution || contribution.EnteredOnBehalfBy != visitor.Reader.UserId
            || await imports.EntryOfAsync(contribution) is not { } entry)
        {
            return NotFound();
        }

        Contribution = contribution;
        Entry = entry;
        var state = entry.State;
        // The same accounts as those the entry e-mailed, and whose absence lets the editors complete and submit it.
        var focalPoints = await db.Users.AsNoTracking().CountAsync(CatalogueVisitor.SignsOffFor(contribution.ParticipantId));
        StateActs = focalPoints > 0;
        FocalPointsTold = focalPoints switch
        {
            0 => $"{state} has no focal point with an account on the portal, so the sender was e-mailed instead, with the file’s SHA-256, and will be e-mailed your decision. You complete the draft and submit it on the State’s behalf when it asks you to by e-mail; if the coordinator invites a focal point of {state} first, the focal point completes and submits it instead.",
            1 => $"{state}’s focal point was e-mailed that the draft waits for them, with a link to it and the file’s SHA-256.",
            var n => $"{state}’s {n} focal points were e-mailed that the draft waits for them, with a link to it and the file’s SHA-256.",
        };
        return Page();
    }
}
