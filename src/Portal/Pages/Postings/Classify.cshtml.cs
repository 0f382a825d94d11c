using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

/// <summary>
/// Where an imported draft lands: the coordinator chooses where the posting belongs (areas, types of assistance,
/// countries, budget, who may read it, until when) and sees the words the document gave the core, which are not
/// theirs to write. The title, summary, contact point and text change only in the full form (Edit).
/// </summary>
public sealed class ClassifyModel(PortalDbContext db, PostingPages pages, Readers readers, PostingCommands commands, TimeProvider time)
    : PageModel, IPostingFormPage
{
    [BindProperty]
    public PostingForm Input { get; set; } = new();

    public PostingFormOptions Options { get; private set; } = PostingFormOptions.Empty;

    public bool IsNew => false;

    public Posting Posting { get; private set; } = null!;

    /// <summary>With <c>complete</c> (after a refused publication) it shows at once what is missing.</summary>
    public async Task<IActionResult> OnGetAsync(int id, bool complete)
    {
        if (await pages.FindAsync(id, forManaging: true) is not { } posting)
        {
            return NotFound();
        }

        if (!IsImportedDraft(posting))
        {
            return Redirect($"/Postings/{id}/Edit");
        }

        Posting = posting;
        Input = PostingForm.From(posting, posting.Participant!.Code);
        Options = await PostingFormOptions.LoadAsync(db, await readers.CurrentAsync());
        if (complete)
        {
            Input.Validate(ModelState, Options.CountryCodes, time.GetUtcNow());
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await pages.FindAsync(id, forManaging: true) is not { } posting)
        {
            return NotFound();
        }

        if (!IsImportedDraft(posting))
        {
            return Redirect($"/Postings/{id}/Edit");
        }

        Posting = posting;
        Options = await PostingFormOptions.LoadAsync(db, await readers.CurrentAsync());
        // Only the classification comes from this form: the words stay those the draft holds, whatever the form says.
        var stored = PostingForm.From(posting, posting.Participant!.Code);
        Input.Kind = stored.Kind;
        Input.Participant = stored.Participant;
        Input.Title = stored.Title;
        Input.Summary = stored.Summary;
        Input.Period = stored.Period;
        // Not on this page: an offer's application deadline is set, kept and checked on the edit page. A stored one that
        // has passed, or now falls after the valid-until date, must not hold the classification back without a word.
        Input.ApplicationDeadline = stored.ApplicationDeadline;
        Input.ContactPoint = stored.ContactPoint;
        // Not on this page either: a role and modalities are set on the edit page, and classifying keeps them.
        Input.Role = stored.Role;
        Input.Modalities = stored.Modalities;
        Input.Body = stored.Body;
        Input.Imported = stored.Imported;
        var budget = Input.Validate(ModelState, Options.CountryCodes, time.GetUtcNow());
        ModelState.Remove("Input.ApplicationDeadline");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await commands.SaveAsync(posting, Input, budget) == SaveOutcome.Conflict)
        {
            ModelState.AddModelError("", "Someone else saved this draft after you opened it, so your choices were not saved. " +
                "Open the draft in a new tab to see what changed, then save again.");
            Input.Revision = (await pages.FindAsync(id))?.Revision ?? Input.Revision;
            // The form must carry the new revision, not the one that was posted.
            ModelState.Remove("Input.Revision");
            return Page();
        }

        TempData["Status"] = "Draft saved. Check it as readers will see it, then publish it.";
        return Redirect($"/Postings/{id}");
    }

    private static bool IsImportedDraft(Posting posting) =>
        posting.Status == PostingStatus.Draft && posting.FromDocument != ImportedParts.None;
}
