using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;

namespace Portal.Pages.Catalogue.Calls;

/// <summary>
/// The editors put the book together: chapter groups (by CCM provision or region), the order of the chapters (buttons,
/// no JavaScript), the foreword and introduction.
/// </summary>
public sealed class BookModel(PortalDbContext db, CatalogueVisitors visitors, BookPlan plan, CatalogueBuilds builds) : PageModel
{
    public CatalogueCall Call { get; private set; } = null!;

    public IReadOnlyList<BookPlan.Chapter> Chapters { get; private set; } = [];

    public IReadOnlyList<string> Groups { get; private set; } = [];

    public int Submitted { get; private set; }

    /// <summary>The latest builds of this call, newest first.</summary>
    public IReadOnlyList<CatalogueBuild> Builds { get; private set; } = [];
    /// <summary>Chapters with a copy-edit the State has not signed off yet: the book uses their State's text.</summary>
    public IReadOnlySet<int> WaitingForSignOff { get; private set; } = new HashSet<int>();

    [BindProperty]
    public FrontMatterInput FrontMatter { get; set; } = new();

    public sealed class FrontMatterInput
    {
        public string? Foreword { get; set; }

        public string? Introduction { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        FrontMatter = new FrontMatterInput { Foreword = Call.Foreword, Introduction = Call.Introduction };
        return Page();
    }

    public async Task<IActionResult> OnPostGroupingAsync(int id, ChapterGrouping grouping)
    {
        if (!await LoadAsync(id) || !Enum.IsDefined(grouping))
        {
            return NotFound();
        }

        await plan.SetGroupingAsync(Call, grouping);
        return Done(id, grouping == ChapterGrouping.Region ? "Chapters are now grouped by region." : "Chapters are now grouped by CCM provision.");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int contribution, bool up)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var title = Chapters.FirstOrDefault(c => c.Id == contribution)?.Title;
        return await plan.MoveAsync(Call, contribution, up) && title is not null
            ? Done(id, up ? $"“{title}” moved up." : $"“{title}” moved down.", $"chapter-{contribution}")
            : Done(id, "That chapter cannot move further in its group.");
    }

    public async Task<IActionResult> OnPostRegroupAsync(int id, int contribution, string? group)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var title = Chapters.FirstOrDefault(c => c.Id == contribution)?.Title;
        return group is not null && title is not null && await plan.MoveToGroupAsync(Call, contribution, group)
            ? Done(id, $"“{title}” is now the last chapter of “{group}”.", $"chapter-{contribution}")
            : Done(id, "Choose a group from the list.");
    }

    /// <summary>The two choices of the form that joins two accounts of one project in one chapter.</summary>
    [BindProperty]
    public JoinInput Join { get; set; } = new();

    public sealed class JoinInput
    {
        public int? Chapter { get; set; }

        public int? Contribution { get; set; }
    }

    /// <summary>Chapters with nothing joined to them: only they can become part of another chapter.</summary>
    public IEnumerable<BookPlan.Chapter> Joinable => Chapters.Where(c => c.Joined.Count == 0);

    public async Task<IActionResult> OnPostJoinAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var chapter = Chapters.FirstOrDefault(c => c.Id == Join.Chapter);
        var joined = Chapters.FirstOrDefault(c => c.Id == Join.Contribution);
        if (chapter is null)
        {
            ModelState.AddModelError("Join.Chapter", "Choose the chapter that keeps its title.");
        }

        if (joined is null)
        {
            ModelState.AddModelError("Join.Contribution", "Choose the contribution to show in that chapter.");
        }
        else if (joined.Joined.Count > 0)
        {
            ModelState.AddModelError("Join.Contribution", $"“{joined.Title}” already has another contribution in its chapter. Separate them first, or choose it as the chapter that keeps its title.");
        }
        else if (joined.Id == chapter?.Id)
        {
            ModelState.AddModelError("Join.Contribution", "Choose two different contributions.");
        }

        if (!ModelState.IsValid)
        {
            FrontMatter = new FrontMatterInput { Foreword = Call.Foreword, Introduction = Call.Introduction };
            return Page();
        }

        return await plan.JoinAsync(Call, chapter!.Id, joined!.Id)
            ? Done(id, $"“{joined.Title}” is now part of the chapter “{chapter.Title}”.", $"chapter-{chapter.Id}")
            : Done(id, "The chapters changed meanwhile; nothing was joined. Look at the list and try again.");
    }

    public async Task<IActionResult> OnPostSeparateAsync(int id, int contribution)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var title = Chapters.SelectMany(c => c.Joined).FirstOrDefault(p => p.Id == contribution)?.Title;
        return title is not null && await plan.SeparateAsync(Call, contribution)
            ? Done(id, $"“{title}” is a chapter of its own again, last in its group.", $"chapter-{contribution}")
            : Done(id, "That contribution is not part of another chapter.");
    }

    public async Task<IActionResult> OnPostFrontMatterAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var foreword = (FrontMatter.Foreword ?? "").Trim();
        var introduction = (FrontMatter.Introduction ?? "").Trim();
        if (foreword.Length > 20_000)
        {
            ModelState.AddModelError("FrontMatter.Foreword", $"The foreword is {foreword.Length:N0} characters long; keep it to 20,000.");
        }

        if (introduction.Length > 20_000)
        {
            ModelState.AddModelError("FrontMatter.Introduction", $"The introduction is {introduction.Length:N0} characters long; keep it to 20,000.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await plan.SaveFrontMatterAsync(Call, foreword, introduction);
        return Done(id, "The foreword and introduction are saved.");
    }

    public async Task<IActionResult> OnPostBuildAsync(int id, bool forObservers)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var (build, error) = await builds.RequestAsync(Call, forObservers);
        if (build is null)
        {
            ModelState.AddModelError("", error!);
            FrontMatter = new FrontMatterInput { Foreword = Call.Foreword, Introduction = Call.Introduction };
            return Page();
        }

        return RedirectToPage("/Catalogue/Builds/Show", new { id = build.Id });
    }

    private RedirectToPageResult Done(int id, string status, string? fragment = null)
    {
        TempData["Status"] = status;
        return RedirectToPage(null, null, new { id }, fragment);
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (!(await visitors.CurrentAsync()).IsEditor || await db.CatalogueCalls.SingleOrDefaultAsync(c => c.Id == id) is not { } call)
        {
            return false;
        }

        Call = call;
        Chapters = await plan.ChaptersAsync(call);
        Groups = await plan.GroupsAsync(call);
        Submitted = await db.Contributions.CountAsync(c => c.CallId == id && c.Status == ContributionStatus.Submitted);
        Builds = await db.CatalogueBuilds.AsNoTracking().Where(b => b.CallId == id).OrderByDescending(b => b.Id).Take(10).ToListAsync();
        WaitingForSignOff = (await db.ContributionEdits.Where(e => e.Status == ContributionEditStatus.Proposed
            && db.Contributions.Any(c => c.Id == e.ContributionId && c.CallId == id)).Select(e => e.ContributionId).ToListAsync()).ToHashSet();
        return true;
    }
}
