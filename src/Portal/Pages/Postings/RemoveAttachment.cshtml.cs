using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

/// <summary>Asks before removing an attachment, because its bytes go with it; then removes it.</summary>
public sealed class RemoveAttachmentModel(PortalDbContext db, PostingPages pages, PostingAttachments attachments) : PageModel
{
    public Posting Posting { get; private set; } = null!;

    public AttachmentItem Attachment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int attachmentId)
    {
        if (await FindAsync(id) is not { } posting)
        {
            return NotFound();
        }

        var file = await db.PostingAttachments.AsNoTracking().Where(a => a.Id == attachmentId && a.PostingId == posting.Id)
            .Select(a => new AttachmentItem(a.Id, a.FileName, a.ContentType, a.Length, a.Sha256)).SingleOrDefaultAsync();
        if (file is null)
        {
            return NotFound();
        }

        Posting = posting;
        Attachment = file;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int attachmentId)
    {
        if (await FindAsync(id) is not { } posting || !await attachments.RemoveAsync(posting, attachmentId))
        {
            return NotFound();
        }

        TempData["Status"] = "The file has been removed.";
        return Redirect($"/Postings/{id}/Attachments");
    }

    private async Task<Posting?> FindAsync(int id) =>
        await pages.FindAsync(id, forManaging: true) is { Status: PostingStatus.Draft or PostingStatus.Published } posting ? posting : null;
}
