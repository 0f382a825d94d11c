using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Catalogue;

namespace Portal.Pages.Catalogue.Contributions;

/// <summary>
/// The contribution form: save the draft, see how many pages it takes laid out for the book, submit it. A contribution
/// sent back by the editors is revised here too, even after the deadline.
/// </summary>
public sealed class EditModel(ContributionCommands commands, CatalogueVisitors visitors, TimeProvider time) : PageModel
{
    [BindProperty]
    public ContributionForm Input { get; set; } = new();

    public Contribution Contribution { get; private set; } = null!;

    public string TimeLeft { get; private set; } = "";

    public PageCount? Count { get; private set; }

    public bool LooksEnglish { get; private set; } = true;

    /// <summary>An editor completing what they entered for a State without an account: submitted on the State's behalf, not here.</summary>
    public bool OnBehalf { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = ContributionForm.From(Contribution);
        Input.AddEmptyRows();
        Count = Contribution.LaidOutPages is int pages ? new PageCount(pages, Contribution.LaidOutPagesWithPictures ?? pages) : null;
        return Page();
    }

    /// <summary>Saves the draft; "Check the length" saves and lays it out.</summary>
    public async Task<IActionResult> OnPostAsync(int id, bool measure)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!await commands.SaveAsync(Contribution, Input, ModelState))
        {
            Input.AddEmptyRows();
            return Page();
        }

        if (measure)
        {
            Count = await commands.MeasureAsync(Contribution, HttpContext.RequestAborted);
            Input.AddEmptyRows();
            return Page();
        }

        TempData["Status"] = "Your draft is saved.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id)
    {
        if (!await LoadAsync(id) || OnBehalf)
        {
            return NotFound();
        }

        if (!await commands.SaveAsync(Contribution, Input, ModelState)
            || !await commands.SubmitAsync(Contribution, ModelState, HttpContext.RequestAborted))
        {
            Count = Contribution.LaidOutPages is int pages ? new PageCount(pages, Contribution.LaidOutPagesWithPictures ?? pages) : null;
            Input.AddEmptyRows();
            return Page();
        }

        return RedirectToPage("Submitted", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var visitor = await visitors.CurrentAsync();
        if (await commands.FindAsync(id) is not { } contribution || !await visitors.MayEditAsync(contribution))
        {
            return false;
        }

        Contribution = contribution;
        OnBehalf = !visitor.MaySubmit(contribution);
        TimeLeft = contribution.Status == ContributionStatus.RevisionRequested
            ? "The editors asked for a revision: you can submit it again whatever the deadline."
            : CallCalendar.TimeLeft(contribution.Call!, time.GetUtcNow(), await commands.ExtensionAsync(contribution.CallId, contribution.ParticipantId));
        LooksEnglish = EnglishText.Looks(contribution.Body);
        return true;
    }
}
