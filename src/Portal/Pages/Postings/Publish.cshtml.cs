using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

/// <summary>
/// The step between Publish and published when the text still has sections of the template with nothing written
/// under them (it says which, and the person edits the text or publishes anyway), and when the coordinator publishes
/// on a participant's behalf: it asks who sent the text (<see cref="SenderInput"/>), who is then kept informed instead
/// of the coordinator.
/// </summary>
public sealed class PublishModel(PortalDbContext db, PostingPages pages, Readers readers, PostingCommands commands) : PageModel
{
    public const string Published = "Published. Everyone it is open to can now find it.";
    public const string Conflict = "This draft was changed by someone else in the meantime. Check the text below, then publish again.";
    public const string Incomplete = "Not published yet: complete the fields marked below, save, then publish.";

    [BindProperty]
    public SenderInput Sender { get; set; } = new();

    [BindProperty]
    public int Revision { get; set; }

    public Posting Posting { get; private set; } = null!;

    public IReadOnlyList<string> Unfinished { get; private set; } = [];

    /// <summary>Whether the coordinator publishes it on the participant's behalf, so that the page asks who sent the text.</summary>
    public bool OnBehalf { get; private set; }

    /// <summary>Whether the sender's address must be given: the participant has no focal point to tell instead.</summary>
    public bool SenderRequired { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } elsewhere)
        {
            return elsewhere;
        }

        Sender = SenderInput.From(Posting);
        Revision = Posting.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int id)
    {
        if (await LoadAsync(id) is { } elsewhere)
        {
            return elsewhere;
        }

        if (OnBehalf)
        {
            Sender.Validate(ModelState, nameof(Sender), SenderRequired, Posting.Participant!.Name);
        }
        else
        {
            // Nothing is asked of a participant's own focal point: whatever came with the form is not theirs to give.
            ModelState.Clear();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await pages.CompletionPathAsync(Posting) is { } complete)
        {
            TempData["Status"] = Incomplete;
            return Redirect(complete);
        }

        var outcome = await commands.PublishDraftAsync(Posting, Revision, OnBehalf ? Sender.Sender : null);
        TempData["Status"] = outcome == SaveOutcome.Conflict ? Conflict : Published;
        return Redirect($"/Postings/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (await pages.FindAsync(id, forManaging: true) is not { } posting)
        {
            return NotFound();
        }

        if (posting.Status != PostingStatus.Draft)
        {
            return Redirect($"/Postings/{id}");
        }

        Posting = posting;
        Unfinished = BodySections.Unfinished(posting.Body);
        OnBehalf = (await readers.CurrentAsync()).PublishesOnBehalfOf(posting.ParticipantId);
        SenderRequired = OnBehalf && await SenderInput.IsRequiredAsync(db, posting.ParticipantId);
        return null;
    }
}
