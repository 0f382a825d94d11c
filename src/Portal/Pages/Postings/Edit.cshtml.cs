using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Markdown;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

public sealed class EditModel(PortalDbContext db, PostingPages pages, Readers readers, PostingCommands commands, TimeProvider time)
    : PageModel, IPostingFormPage
{
    [BindProperty]
    public PostingForm Input { get; set; } = new();

    /// <summary>Who sent the text, asked when saving publishes a new version on the participant's behalf (<see cref="AsksSender"/>).</summary>
    [BindProperty]
    public SenderInput Sender { get; set; } = new();

    /// <summary>Whether the coordinator publishes a new version on the participant's behalf: the form asks who sent it.</summary>
    public bool AsksSender { get; private set; }

    /// <summary>Whether the sender's address must be given: the participant has no focal point to tell instead.</summary>
    public bool SenderRequired { get; private set; }

    public PostingFormOptions Options { get; private set; } = PostingFormOptions.Empty;

    public bool IsNew => false;

    public Posting Posting { get; private set; } = null!;

    /// <summary>The text as it would read, when the person asked for a preview.</summary>
    public string? PreviewHtml { get; private set; }

    public bool Conflict { get; private set; }

    /// <summary>Headings of a published posting's new text with nothing under them: publishing it asks first.</summary>
    public IReadOnlyList<string> Unfinished { get; private set; } = [];

    /// <summary>With <c>complete</c> (after an import or a refused publication) it shows at once what is missing.</summary>
    public async Task<IActionResult> OnGetAsync(int id, bool complete)
    {
        if (await pages.FindAsync(id, forManaging: true) is not { } posting || !IsEditable(posting))
        {
            return NotFound();
        }

        Posting = posting;
        Input = PostingForm.From(posting, posting.Participant!.Code);
        Input.PublishedDeadline = PublishedDeadline(posting);
        Sender = SenderInput.From(posting);
        await AskSenderAsync(posting);
        Options = await PostingFormOptions.LoadAsync(db, await readers.CurrentAsync());
        if (complete)
        {
            Input.Validate(ModelState, Options.CountryCodes, time.GetUtcNow());
        }

        return Page();
    }

    public Task<IActionResult> OnPostPreviewAsync(int id) => SubmitAsync(id, save: false, anyway: false);

    /// <summary>Saves a draft, or publishes a new version; with sections still empty, only once the person has been told.</summary>
    public Task<IActionResult> OnPostAsync(int id, bool anyway) => SubmitAsync(id, save: true, anyway);

    private async Task<IActionResult> SubmitAsync(int id, bool save, bool anyway)
    {
        if (await pages.FindAsync(id, forManaging: true) is not { } posting || !IsEditable(posting))
        {
            return NotFound();
        }

        Posting = posting;
        Options = await PostingFormOptions.LoadAsync(db, await readers.CurrentAsync());
        await AskSenderAsync(posting);
        if (AsksSender && save)
        {
            Sender.Validate(ModelState, nameof(Sender), SenderRequired, posting.Participant!.Name);
        }
        else
        {
            // Asked only of the coordinator publishing on behalf, and checked only when saving publishes.
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(Sender) + ".", StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }
        }

        // Kind and owner never change on edit, whatever the form says; what is a document's words, the posting knows.
        Input.Kind = posting.Kind;
        Input.Participant = posting.Participant!.Code;
        Input.Imported = ImportedWords.Of(posting);
        Input.PublishedDeadline = PublishedDeadline(posting);
        var budget = Input.Validate(ModelState, Options.CountryCodes, time.GetUtcNow());
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!save)
        {
            // Under the preview's h2 and the title (h3).
            PreviewHtml = SafeMarkdown.ToHtml(Input.Body ?? "", topHeading: 4);
            return Page();
        }

        var wasDraft = posting.Status == PostingStatus.Draft;
        if (!wasDraft && !anyway && BodySections.Unfinished(Input.Body ?? "") is { Count: > 0 } unfinished)
        {
            // Saving publishes: the form comes back, nothing saved, with the warning and the choice.
            Unfinished = unfinished;
            return Page();
        }

        if (await commands.SaveAsync(posting, Input, budget, AsksSender ? Sender.Sender : null) == SaveOutcome.Conflict)
        {
            // Nothing is lost: the form keeps what this person typed, and says what happened.
            Conflict = true;
            ModelState.AddModelError("", "Someone else saved this posting after you opened it, so your changes were not saved. " +
                "Your text is still in the form below: open the posting in a new tab to see their version, then save again to publish yours on top of it.");
            var latest = await pages.FindAsync(id);
            Input.Revision = latest?.Revision ?? Input.Revision;
            // The form must carry the new revision, not the one that was posted.
            ModelState.Remove("Input.Revision");
            return Page();
        }

        TempData["Status"] = wasDraft ? "Draft saved." : "Saved: a new version is published.";
        return Redirect($"/Postings/{id}");
    }

    private async Task AskSenderAsync(Posting posting)
    {
        AsksSender = posting.Status == PostingStatus.Published && (await readers.CurrentAsync()).PublishesOnBehalfOf(posting.ParticipantId);
        SenderRequired = AsksSender && await SenderInput.IsRequiredAsync(db, posting.ParticipantId);
    }

    private static DateOnly? PublishedDeadline(Posting posting) =>
        posting.Status == PostingStatus.Published ? posting.ApplicationDeadline : null;

    private static bool IsEditable(Posting posting) =>
        posting.Status is PostingStatus.Draft or PostingStatus.Published;
}
