using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Features.Catalogue.Book;

namespace Portal.Pages.Catalogue.Contributions;

/// <summary>
/// A contribution as the book will show it, with its state and history; its State's focal points revise or withdraw it
/// from here, and editors accept it or send it back with a comment the authors see. Once accepted, editors copy-edit
/// it from here, and the State is shown the changes waiting for its sign-off.
/// </summary>
public sealed class ShowModel(
    PortalDbContext db, ContributionCommands commands, CopyEdits copyEdits, ContributionImports imports, CatalogueVisitors visitors, BookPlan plan) : PageModel
{
    public Contribution Contribution { get; private set; } = null!;

    /// <summary>The joint chapter this accepted contribution is in, when the editors joined it with another.</summary>
    public BookPlan.Chapter? JointChapter { get; private set; }

    public CatalogueVisitor Visitor { get; private set; } = null!;

    public string ChapterHtml { get; private set; } = "";

    public IReadOnlyList<ReviewRow> Reviews { get; private set; } = [];

    /// <summary>The editors' copy-edit waiting for the State's sign-off.</summary>
    public ContributionEdit? CopyEditWaiting { get; private set; }

    /// <summary>The editors' latest copy-edit, when the State declined it.</summary>
    public ContributionEdit? CopyEditDeclined { get; private set; }

    /// <summary>Whether the visitor, an editor, records the answer of a State without a focal point account, received by e-mail.</summary>
    public bool MayRecordAnswer { get; private set; }

    /// <summary>Whether the visitor, an editor, submits it from an e-mail for a State without a focal point account.</summary>
    public bool MaySubmitOnBehalf { get; private set; }

    public bool MayEdit { get; private set; }

    /// <summary>Whether the versions page has anything to show.</summary>
    public bool HasVersions { get; private set; }

    /// <summary>How it came in when an editor entered it on the State's behalf; null otherwise.</summary>
    public ContributionImports.Entry? Entry { get; private set; }

    public sealed record ReviewRow(DateTimeOffset At, string Editor, ContributionStatus Decision, string Comment);

    [BindProperty]
    public ReviewInput Review { get; set; } = new();

    public sealed class ReviewInput
    {
        public string? Comment { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(int id) => await DecideAsync(id, accept: true);

    public async Task<IActionResult> OnPostSendBackAsync(int id) => await DecideAsync(id, accept: false);

    private async Task<IActionResult> DecideAsync(int id, bool accept)
    {
        if (!await LoadAsync(id) || !Visitor.MayReview(Contribution))
        {
            return NotFound();
        }

        var comment = (Review.Comment ?? "").Trim();
        if (!accept && comment.Length == 0)
        {
            ModelState.AddModelError("Review.Comment", "Say what the authors should change: they see this comment.");
        }
        else if (comment.Length > ContributionLimits.Comment)
        {
            ModelState.AddModelError("Review.Comment", $"The comment is {comment.Length} characters long; keep it to {ContributionLimits.Comment}.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await commands.ReviewAsync(Contribution, accept, comment);
        TempData["Status"] = accept
            ? $"“{Contribution.Title}” is accepted and goes into the chapter group “{Contribution.ChapterGroup}”."
            : $"“{Contribution.Title}” is sent back to {Contribution.Participant?.Name} for revision.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        Visitor = await visitors.CurrentAsync();
        if (await commands.FindAsync(id) is not { } contribution)
        {
            return false;
        }

        Contribution = contribution;
        Entry = await imports.EntryOfAsync(contribution);
        var chapter = ContributionChapters.ToChapter(contribution, new Dictionary<int, FigureImage>());
        ChapterHtml = ChapterMarkup.Render(chapter, f => $"/Catalogue/Figures/{ContributionChapters.FigureIdOf(f.Key)}", chapterHeading: 1);
        Reviews = await db.ContributionReviews.AsNoTracking().Where(r => r.ContributionId == id).OrderBy(r => r.At)
            .Join(db.Users, r => r.EditorId, u => u.Id, (r, u) => new ReviewRow(r.At, u.FullName, r.Decision, r.Comment))
            .ToListAsync();
        CopyEditWaiting = await copyEdits.OpenAsync(id);
        MayRecordAnswer = CopyEditWaiting is not null && Visitor.MayCopyEdit(contribution)
            && Visitor.MayRecordAnswer(contribution, await visitors.StateSignsOffAsync(contribution.ParticipantId));
        MayEdit = await visitors.MayEditAsync(contribution);
        MaySubmitOnBehalf = Visitor.IsEditor && contribution.EnteredOnBehalfBy is not null
            && Visitor.MaySubmitOnBehalf(contribution, await visitors.StateSignsOffAsync(contribution.ParticipantId));
        var lastAnswered = await db.ContributionEdits.AsNoTracking().Where(e => e.ContributionId == id && e.Status != ContributionEditStatus.Superseded)
            .OrderByDescending(e => e.ProposedAt).ThenByDescending(e => e.Id).FirstOrDefaultAsync();
        CopyEditDeclined = lastAnswered?.Status == ContributionEditStatus.Declined ? lastAnswered : null;
        HasVersions = await db.ContributionVersions.AnyAsync(v => v.ContributionId == id);
        if (contribution.Status == ContributionStatus.Accepted && contribution.Call is { } call)
        {
            JointChapter = (await plan.ChaptersAsync(call)).FirstOrDefault(c => c.Joined.Count > 0 && c.ContributionIds.Contains(id));
        }

        return true;
    }
}
