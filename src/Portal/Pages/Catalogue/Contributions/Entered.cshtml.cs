using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;

namespace Portal.Pages.Catalogue.Contributions;

/// <summary>The confirmation after an editor entered a contribution received by e-mail: who was told, what happens next.</summary>
public sealed class EnteredModel(ContributionCommands commands, ContributionImports imports, CatalogueVisitors visitors) : PageModel
{
    public Contribution Contribution { get; private set; } = null!;

    public ContributionImports.Entry Entry { get; private set; } = null!;

    /// <summary>Who was e-mailed that the draft waits: the State's focal points (counted now).</summary>
    public string FocalPointsTold { get; private set; } = "";

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
        FocalPointsTold = await imports.FocalPointsOf(contribution.ParticipantId).CountAsync() switch
        {
            0 => $"{state} has no focal point with an account on the portal, so nobody was e-mailed. Ask the coordinator to invite one: only the State’s focal points can complete and submit the draft.",
            1 => $"{state}’s focal point was e-mailed that the draft waits for them, with a link to it and the file’s SHA-256.",
            var n => $"{state}’s {n} focal points were e-mailed that the draft waits for them, with a link to it and the file’s SHA-256.",
        };
        return Page();
    }
}
