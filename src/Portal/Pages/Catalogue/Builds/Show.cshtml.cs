using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;

namespace Portal.Pages.Catalogue.Builds;

/// <summary>
/// One build of the book: while it runs, what it is doing ("Check progress" asks again; no script, and no automatic
/// refresh, which would take a screen reader's place away); when it is ready,
/// the downloads with their SHA-256, the web edition and the fingerprint of the inputs; when it failed, why.
/// </summary>
public sealed class ShowModel(PortalDbContext db, CatalogueVisitors visitors, CatalogueBuilds builds) : PageModel
{
    public CatalogueBuild Build { get; private set; } = null!;

    public CatalogueCall Call { get; private set; } = null!;

    public IReadOnlyList<BuildFile> Downloads { get; private set; } = [];

    public bool IsEditor { get; private set; }

    public string? RequestedBy { get; private set; }

    public bool InProgress => Build.Status is BuildStatus.Queued or BuildStatus.Running;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await FindAsync(id) is not { } build)
        {
            return NotFound();
        }

        Build = build;
        IsEditor = (await visitors.CurrentAsync()).IsEditor;
        Call = await db.CatalogueCalls.AsNoTracking().SingleAsync(c => c.Id == build.CallId);
        var downloads = await db.BuildFiles.AsNoTracking()
            .Where(f => f.BuildId == id && (f.Kind == BuildFileKind.Pdf || f.Kind == BuildFileKind.Epub || f.Kind == BuildFileKind.Html))
            .ToListAsync();
        // The kind is stored by name; the page lists the PDF first, as the enum does.
        Downloads = downloads.OrderBy(f => f.Kind).ToList();
        RequestedBy = IsEditor ? await db.Users.AsNoTracking().Where(u => u.Id == build.RequestedBy).Select(u => u.FullName).SingleOrDefaultAsync() : null;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int id)
    {
        if (await FindAsync(id) is not { } build || !(await visitors.CurrentAsync()).IsEditor)
        {
            return NotFound();
        }

        TempData["Status"] = await builds.PublishAsync(build)
            ? "This build is published: its readers find it on the catalogue page. The build they had before is retired."
            : "Only a finished build can be published.";
        return RedirectToPage(null, new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id)
    {
        if (await FindAsync(id) is not { } build || !(await visitors.CurrentAsync()).IsEditor)
        {
            return NotFound();
        }

        await builds.WithdrawAsync(build);
        TempData["Status"] = "This build is withdrawn: only editors see it now. Publish it or another build to give readers the book again.";
        return RedirectToPage(null, new { id });
    }

    private async Task<CatalogueBuild?> FindAsync(int id)
    {
        var visitor = await visitors.CurrentAsync();
        var build = await db.CatalogueBuilds.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id);
        return build is not null && visitor.MayRead(build) ? build : null;
    }
}
