using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

public sealed record VersionStamp(int Number, string AuthorName, bool OnBehalf, DateTimeOffset PublishedAt, string Fingerprint);

public sealed record AttachmentItem(int Id, string FileName, string ContentType, long Length, string Sha256);

public sealed class ShowModel(
    PortalDbContext db, PostingPages pages, Readers readers, PostingCommands commands, RenderedMarkdown markdown, TimeProvider time)
    : PageModel
{
    public Posting Posting { get; private set; } = null!;

    public VersionStamp? Version { get; private set; }

    public IReadOnlyList<AttachmentItem> Attachments { get; private set; } = [];

    public IReadOnlyList<string> CountryNames { get; private set; } = [];

    public string BodyHtml { get; private set; } = "";

    public bool MayManage { get; private set; }

    public bool IsExpired { get; private set; }

    public int? PendingReplacementId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var posting = await pages.FindAsync(id);
        if (posting is null)
        {
            if (await pages.ReplacementForAsync(id) is int newer)
            {
                TempData["Status"] = "That posting was replaced by this one.";
                return Redirect($"/Postings/{newer}");
            }

            return NotFound();
        }

        await LoadAsync(posting);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, int revision)
    {
        var posting = await pages.FindAsync(id, forManaging: true);
        if (posting is null)
        {
            return NotFound();
        }

        if (posting.Status != PostingStatus.Draft)
        {
            return Redirect($"/Postings/{id}");
        }

        // A draft may be incomplete (an import fills only the text): it is published only once the core is complete.
        var check = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        var countries = await db.Participants.Where(p => p.Kind == ParticipantKind.State).Select(p => p.Code).ToListAsync();
        PostingForm.From(posting, posting.Participant!.Code).Validate(check, countries.ToHashSet(StringComparer.Ordinal), time.GetUtcNow());
        if (!check.IsValid)
        {
            TempData["Status"] = "Not published yet: complete the fields marked below, save, then publish.";
            return Redirect($"/Postings/{id}/Edit?complete=true");
        }

        if (await commands.PublishDraftAsync(posting, revision) == SaveOutcome.Conflict)
        {
            TempData["Status"] = "This draft was changed by someone else in the meantime. Check the text below, then publish again.";
        }
        else
        {
            TempData["Status"] = "Published. Everyone it is open to can now find it.";
        }

        return Redirect($"/Postings/{id}");
    }

    private async Task LoadAsync(Posting posting)
    {
        var reader = await readers.CurrentAsync();
        Posting = posting;
        MayManage = reader.MayManage(posting.ParticipantId);
        IsExpired = posting.Status == PostingStatus.Published && posting.ValidUntil <= time.GetUtcNow();
        Version = await db.PostingVersions.AsNoTracking()
            .Where(v => v.PostingId == posting.Id && v.Number == posting.CurrentVersion)
            .Select(v => new VersionStamp(v.Number, v.AuthorName, v.OnBehalf, v.PublishedAt, v.Fingerprint))
            .SingleOrDefaultAsync();
        Attachments = await db.PostingAttachments.AsNoTracking().Where(a => a.PostingId == posting.Id).OrderBy(a => a.Id)
            .Select(a => new AttachmentItem(a.Id, a.FileName, a.ContentType, a.Length, a.Sha256)).ToListAsync();
        var codes = posting.Countries.Select(c => c.CountryCode).ToList();
        CountryNames = await db.Participants.Where(p => codes.Contains(p.Code)).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync();
        var links = Attachments.GroupBy(a => a.FileName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => $"/Postings/{posting.Id}/Attachments/{g.First().Id}", StringComparer.Ordinal);
        BodyHtml = markdown.ToHtml(posting.Body, links);
        if (MayManage && posting.Status == PostingStatus.Published)
        {
            PendingReplacementId = await db.Postings
                .Where(p => p.ReplacesId == posting.Id && p.Status == PostingStatus.Draft).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        }
    }
}
