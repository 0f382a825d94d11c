using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

[RequestSizeLimit(AttachmentSizes.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentSizes.MaxUploadRequestBytes)]
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

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), Upload is null ? "Choose a file to attach." : $"“{Path.GetFileName(Upload.FileName)}” is empty.");
        }
        else if (Upload.Length > AttachmentSizes.MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"“{Path.GetFileName(Upload.FileName)}” is {AttachmentSizes.Describe(Upload.Length)}; a file can be at most {AttachmentSizes.Describe(AttachmentSizes.MaxFileBytes)}. Compress it or split it.");
        }
        else
        {
            using var buffer = new MemoryStream((int)Upload.Length);
            await Upload.CopyToAsync(buffer);
            if (await attachments.AddAsync(posting, Upload.FileName, buffer.ToArray()) is { } error)
            {
                ModelState.AddModelError(nameof(Upload), error);
            }
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
