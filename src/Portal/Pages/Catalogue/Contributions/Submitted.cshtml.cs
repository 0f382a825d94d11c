using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Catalogue;

namespace Portal.Pages.Catalogue.Contributions;

/// <summary>The confirmation after a submission: what happens next.</summary>
public sealed class SubmittedModel(ContributionCommands commands) : PageModel
{
    public Contribution Contribution { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await commands.FindAsync(id) is not { Status: ContributionStatus.Submitted } contribution)
        {
            return NotFound();
        }

        Contribution = contribution;
        return Page();
    }
}
