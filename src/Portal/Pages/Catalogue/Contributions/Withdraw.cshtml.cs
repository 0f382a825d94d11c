using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Catalogue;

namespace Portal.Pages.Catalogue.Contributions;

/// <summary>A focal point takes a contribution back, after a question page.</summary>
public sealed class WithdrawModel(ContributionCommands commands, CatalogueVisitors visitors) : PageModel
{
    public Contribution Contribution { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        await commands.WithdrawAsync(Contribution);
        TempData["Status"] = $"“{Contribution.Title}” is withdrawn. It stays with your State and will not be in the book.";
        return RedirectToPage("Show", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var visitor = await visitors.CurrentAsync();
        if (await commands.FindAsync(id) is not { } contribution
            || !visitor.MayWrite(contribution.ParticipantId) || contribution.Status == ContributionStatus.Withdrawn)
        {
            return false;
        }

        Contribution = contribution;
        return true;
    }
}
