using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Features.Catalogue.Book;
using Portal.Features.Versions;

namespace Portal.Pages.Catalogue.Contributions;

/// <summary>
/// The State's focal points read the editors' copy-edit (the note, the changes line by line, the chapter as it would
/// read) and sign it off, which puts it in the book, or decline it with a reason the editors read.
/// </summary>
public sealed class SignOffModel(PortalDbContext db, ContributionCommands contributions, CopyEdits copyEdits, CatalogueVisitors visitors) : PageModel
{
    public Contribution Contribution { get; private set; } = null!;

    /// <summary>The proposal waiting for the State; none when nothing waits.</summary>
    public ContributionEdit? Proposal { get; private set; }

    public string EditorName { get; private set; } = "";

    public IReadOnlyList<DiffLine> Changes { get; private set; } = [];

    public string ChapterHtml { get; private set; } = "";

    [BindProperty]
    public AnswerInput Answer { get; set; } = new();

    public sealed class AnswerInput
    {
        /// <summary>The proposal the page showed: an answer is for those changes, not for whatever waits by then.</summary>
        public int EditId { get; set; }

        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Answer.EditId = Proposal?.Id ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostSignOffAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!await copyEdits.SignOffAsync(Contribution, Answer.EditId))
        {
            return NoLongerWaiting(id);
        }

        TempData["Status"] = "The changes are signed off: they are the contribution's text now, and the book uses them from its next build. The versions page keeps your State's earlier text.";
        return RedirectToPage("Show", new { id });
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var reason = (Answer.Reason ?? "").Trim();
        if (reason.Length == 0)
        {
            ModelState.AddModelError("Answer.Reason", "Say why your State declines the changes: the editors read your reason.");
        }
        else if (reason.Length > ContributionEditLimits.Reason)
        {
            ModelState.AddModelError("Answer.Reason", $"The reason is {reason.Length:N0} characters long; keep it to {ContributionEditLimits.Reason:N0}.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await copyEdits.DeclineAsync(Contribution, Answer.EditId, reason))
        {
            return NoLongerWaiting(id);
        }

        TempData["Status"] = "You declined the changes. The book keeps your State's text, and the editors are told your reason.";
        return RedirectToPage("Show", new { id });
    }

    private RedirectToPageResult NoLongerWaiting(int id)
    {
        TempData["Status"] = "Those changes no longer wait for an answer: the editors replaced them, or another focal point of your State answered first. Nothing was changed.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var visitor = await visitors.CurrentAsync();
        if (await contributions.FindAsync(id) is not { } contribution || !visitor.MaySignOff(contribution))
        {
            return false;
        }

        Contribution = contribution;
        Proposal = await copyEdits.OpenAsync(id);
        if (Proposal is { } proposal)
        {
            var proposed = ContributionTexts.Of(proposal);
            Changes = proposed.ChangesFrom(ContributionTexts.Of(contribution));
            ChapterHtml = ChapterMarkup.Render(proposed.AsChapterOf(contribution), f => $"/Catalogue/Figures/{ContributionChapters.FigureIdOf(f.Key)}", chapterHeading: 3);
            EditorName = await db.Users.AsNoTracking().Where(u => u.Id == proposal.EditorId).Select(u => u.FullName).SingleOrDefaultAsync() ?? "";
        }

        return true;
    }
}
