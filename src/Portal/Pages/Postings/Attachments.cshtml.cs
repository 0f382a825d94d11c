using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Files;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

[RequestSizeLimit(Uploads.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Uploads.MaxUploadRequestBytes)]
public sealed class AttachmentsModel(PortalDbContext db, PostingPages pages, PostingAttachments attachments) : PageModel
{
    public Posting Posting { get; private set; } = null!;

    public IReadOnlyList<AttachmentItem> Files { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await FindAsync(id) is not { } posting)
        {
            return NotFound();
        }

        await LoadAsync(posting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await FindAsync(id) is not { } posting)
        {
            return NotFound();
        }

        var (content, problem) = await Uploads.ReadAsync(Upload, "Choose a file to attach.");
        if (content is null)
        {
            ModelState.AddModelError(nameof(Upload), problem!);
        }
        else if (await attachments.AddAsync(posting, Upload!.FileName, content) is { } error)
        {
            ModelState.AddModelError(nameof(Upload), error);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(posting);
            return Page();
        }

        TempData["Status"] = "Attached.";
        return Redirect($"/Postings/{id}/Attachments");
    }

    private async Task<Posting?> FindAsync(int id) =>
        await pages.FindAsync(id, forManaging: true) is { Status: PostingStatus.Draft or PostingStatus.Published } posting ? posting : null;

    private async Task LoadAsync(Posting posting)
    {
        Posting = posting;
        Files = await db.PostingAttachments.AsNoTracking().Where(a => a.PostingId == posting.Id).OrderBy(a => a.Id)
            .Select(a => new AttachmentItem(a.Id, a.FileName, a.ContentType, a.Length, a.Sha256)).ToListAsync();
    }
}
