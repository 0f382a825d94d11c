using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Features.Catalogue.Book;

namespace Portal.Pages.Catalogue.Builds;

/// <summary>
/// The web edition of a build: its contents and chapters as portal pages, and its figures, to those who may read the
/// build (<see cref="CatalogueVisitor.MayRead"/>), whatever page of it they open.
/// </summary>
public sealed class ReadModel(PortalDbContext db, CatalogueVisitors visitors) : PageModel
{
    public CatalogueBuild Build { get; private set; } = null!;

    public CatalogueCall Call { get; private set; } = null!;

    public WebEditionPage Text { get; private set; } = null!;

    public string? Previous { get; private set; }

    public string? Next { get; private set; }

    public bool IsContents { get; private set; }

    /// <summary>The path the web edition's files are served under.</summary>
    public string Folder { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, string? name)
    {
        var visitor = await visitors.CurrentAsync();
        var build = await db.CatalogueBuilds.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id);
        if (build is null || build.Status != BuildStatus.Succeeded || !visitor.MayRead(build))
        {
            return NotFound();
        }

        if (string.IsNullOrEmpty(name))
        {
            // The documents link to each other relatively: they are read from one folder.
            return Redirect($"/Catalogue/Builds/{id}/Read/{WebEdition.ContentsPage}");
        }

        // Only a name stored for this build is served, compared as it is: nothing of the name is taken as a path.
        var file = await db.BuildFiles.AsNoTracking()
            .Where(f => f.BuildId == id && (f.Kind == BuildFileKind.WebPage || f.Kind == BuildFileKind.WebImage) && f.Name == name)
            .Select(f => new { f.Id, f.Kind, f.Length }).SingleOrDefaultAsync();
        if (file is { Kind: BuildFileKind.WebImage })
        {
            var image = await BuildFileBytes.OpenAsync(db, file.Id, HttpContext.RequestAborted);
            if (image is null)
            {
                return NotFound();
            }

            Response.ContentLength = file.Length;
            return File(image, "image/jpeg");
        }

        var page = file is null ? null : await PageAsync(file.Id);
        var contents = await db.BuildFiles.AsNoTracking()
            .Where(f => f.BuildId == id && f.Kind == BuildFileKind.WebPage && f.Name == WebEdition.ContentsPage)
            .Select(f => f.Content!.Data).SingleOrDefaultAsync();
        if (page is null || contents is null)
        {
            return NotFound();
        }

        Build = build;
        Call = await db.CatalogueCalls.AsNoTracking().SingleAsync(c => c.Id == build.CallId);
        Folder = $"/Catalogue/Builds/{id}/Read/";
        Text = WebEdition.Read(page, Folder);
        IsContents = name == WebEdition.ContentsPage;
        var order = new List<string> { WebEdition.TitlePage, WebEdition.ContentsPage };
        order.AddRange(WebEdition.ReadingOrder(contents).Where(p => !order.Contains(p)));
        var at = order.IndexOf(name);
        Previous = at > 0 ? order[at - 1] : null;
        Next = at >= 0 && at < order.Count - 1 ? order[at + 1] : null;
        return Page();
    }

    // The documents are small and parsed whole; only the figures are streamed.
    private Task<byte[]?> PageAsync(int fileId) =>
        db.BuildFileContents.AsNoTracking().Where(c => c.FileId == fileId).Select(c => (byte[]?)c.Data).SingleOrDefaultAsync();
}
