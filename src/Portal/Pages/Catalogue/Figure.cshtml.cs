using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Features.Files;

namespace Portal.Pages.Catalogue;

/// <summary>
/// A picture of a contribution at web size, as the pages show it inline, only to those who may see the contribution;
/// anyone else gets the same 404 as for a picture that does not exist.
/// </summary>
public sealed class FigureModel(PortalDbContext db, CatalogueVisitors visitors) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int figureId)
    {
        var contribution = await db.Contributions.AsNoTracking().SingleOrDefaultAsync(c => c.Figures.Any(f => f.Id == figureId));
        if (contribution is null || !(await visitors.CurrentAsync()).MaySee(contribution))
        {
            return NotFound();
        }

        var jpeg = await db.FigureImages.AsNoTracking().Where(i => i.FigureId == figureId).Select(i => i.WebJpeg).SingleOrDefaultAsync();
        // Served as a JPEG whatever it holds (nosniff is on every answer): these bytes are ours, re-encoded on upload.
        return jpeg is null ? NotFound() : File(jpeg, Photographs.ContentType);
    }
}
