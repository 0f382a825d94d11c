using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

/// <summary>An attachment, only to those who may read its posting, always as a download.</summary>
public sealed class DownloadModel(PortalDbContext db, PostingPages pages) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int attachmentId)
    {
        if (await pages.FindAsync(id) is null)
        {
            return NotFound();
        }

        var file = await db.PostingAttachments.AsNoTracking().Where(a => a.Id == attachmentId && a.PostingId == id)
            .Select(a => new { a.FileName, a.ContentType, a.Content!.Data }).SingleOrDefaultAsync();
        if (file is null)
        {
            return NotFound();
        }

        // FileContentResult writes Content-Disposition: attachment with an ASCII fallback and filename* in UTF-8.
        return File(file.Data, file.ContentType, file.FileName);
    }
}
