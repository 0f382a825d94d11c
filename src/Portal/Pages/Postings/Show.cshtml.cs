using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Interests;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

public sealed class ShowModel(
    PortalDbContext db, PostingPages pages, Readers readers, PostingCommands commands, TimeProvider time)
    : PageModel
{
    public Posting Posting { get; private set; } = null!;

    public VersionStamp? Version { get; private set; }

    public IReadOnlyList<AttachmentItem> Attachments { get; private set; } = [];

    public IReadOnlyList<string> CountryNames { get; private set; } = [];

    public string BodyHtml { get; private set; } = "";

    public bool MayManage { get; private set; }

    public bool IsExpired { get; private set; }

    /// <summary>Whether the page links to its suggestions: a current need, or a current offer still taking applications.</summary>
    public bool MatchesOffered { get; private set; }

    /// <summary>The time the page is shown at, for whether the offer's application deadline has passed.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Whether "Renew" is offered: from 60 days before expiry (<see cref="PostingRenewal"/>).</summary>
    public bool RenewalOpen { get; private set; }

    public int? PendingReplacementId { get; private set; }

    /// <summary>Whether "Express interest" is offered (<see cref="InterestRights"/>), and the connection if there is one already.</summary>
    public bool MayExpressInterest { get; private set; }

    /// <summary>Why not, where the button would be (<see cref="ExpressRefusals.ShownOnPosting"/>): the refusal's one sentence.</summary>
    public string? ExpressRefusalSentence { get; private set; }

    public int? InterestId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var view = await pages.ViewAsync(id);
        if (view is null)
        {
            if (await pages.ReplacementForAsync(id) is int newer)
            {
                TempData["Status"] = "That posting was replaced by this one.";
                return Redirect($"/Postings/{newer}");
            }

            return NotFound();
        }

        await LoadAsync(view);
        return Page();
    }

    /// <summary>
    /// Publishes the draft, once its core is complete. The publish step (<see cref="PublishModel"/>) comes first when
    /// sections are still empty and the person has not been told, and always when the coordinator publishes on the
    /// participant's behalf: it asks who sent the text.
    /// </summary>
    public async Task<IActionResult> OnPostPublishAsync(int id, int revision, bool anyway)
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

        if (await pages.CompletionPathAsync(posting) is { } complete)
        {
            TempData["Status"] = PublishModel.Incomplete;
            return Redirect(complete);
        }

        if ((!anyway && BodySections.Unfinished(posting.Body).Count > 0) || (await readers.CurrentAsync()).PublishesOnBehalfOf(posting.ParticipantId))
        {
            return Redirect($"/Postings/{id}/Publish");
        }

        TempData["Status"] = await commands.PublishDraftAsync(posting, revision) == SaveOutcome.Conflict ? PublishModel.Conflict : PublishModel.Published;
        return Redirect($"/Postings/{id}");
    }

    private async Task LoadAsync(PostingView view)
    {
        var reader = await readers.CurrentAsync();
        var posting = view.Posting;
        Posting = posting;
        // The view is shared between readers (read cache): the publisher's e-mail is dropped per reader, on a copy.
        Version = view.Version is { } version
            ? version with { AuthorName = PostingAuthor.ShownTo(reader, posting.ParticipantId, version.AuthorName) }
            : null;
        Attachments = view.Attachments;
        CountryNames = view.CountryNames;
        BodyHtml = view.BodyHtml;
        MayManage = reader.MayManage(posting.ParticipantId);
        Now = time.GetUtcNow();
        IsExpired = posting.Status == PostingStatus.Published && posting.ValidUntil <= time.GetUtcNow();
        MatchesOffered = posting.Status == PostingStatus.Published && !IsExpired && posting.Kind != PostingKind.Experience
            && (posting.Kind == PostingKind.Need || OfferDeadline.IsOpen(posting.ApplicationDeadline, time.GetUtcNow()));
        RenewalOpen = posting.Status == PostingStatus.Published && PostingRenewal.IsOpen(posting.ValidUntil, time.GetUtcNow());
        var refusal = InterestRights.WhyNotExpress(reader, posting, Now);
        MayExpressInterest = refusal is null;
        ExpressRefusalSentence = refusal is { } why && why.ShownOnPosting() ? why.Sentence() : null;
        if (reader.IsAccount && !reader.Owns(posting.ParticipantId))
        {
            InterestId = await db.Interests.AsNoTracking().Where(i => i.PostingId == posting.Id && i.ParticipantId == reader.ParticipantId)
                .Select(i => (int?)i.Id).FirstOrDefaultAsync();
        }

        if (MayManage && posting.Status == PostingStatus.Published)
        {
            PendingReplacementId = await db.Postings
                .Where(p => p.ReplacesId == posting.Id && p.Status == PostingStatus.Draft).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        }
    }
}
