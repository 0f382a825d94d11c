using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;

namespace Portal.Pages.Catalogue.Builds;

/// <summary>The PDF, EPUB or one-file HTML of a build, to those who may read it, always as a download.</summary>
public sealed class DownloadModel(PortalDbContext db, CatalogueVisitors visitors) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string kind)
    {
        var visitor = await visitors.CurrentAsync();
        var build = await db.CatalogueBuilds.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id);
        if (build is null || !visitor.MayRead(build)
            || !Enum.TryParse<BuildFileKind>(kind, ignoreCase: true, out var fileKind)
            || fileKind is not (BuildFileKind.Pdf or BuildFileKind.Epub or BuildFileKind.Html))
        {
            return NotFound();
        }

        var file = await db.BuildFiles.AsNoTracking().Where(f => f.BuildId == id && f.Kind == fileKind)
            .Select(f => new { f.Id, f.Length }).SingleOrDefaultAsync();
        if (build.Status != BuildStatus.Succeeded || file is null)
        {
            return NotFound();
        }

        var call = await db.CatalogueCalls.AsNoTracking().SingleAsync(c => c.Id == build.CallId);
        // Read from the database as it is sent (a book is about 100 MB), after every other query: the stream holds the connection.
        var content = await BuildFileBytes.OpenAsync(db, file.Id, HttpContext.RequestAborted);
        if (content is null)
        {
            return NotFound();
        }

        Response.ContentLength = file.Length;
        // A file result with a name writes Content-Disposition: attachment, so that even the HTML is saved, not shown here.
        return File(content, BuildLabels.ContentType(fileKind), BuildLabels.FileName(call, build, fileKind));
    }
}
