using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

public sealed class NewModel(PortalDbContext db, Readers readers, PostingCommands commands, TimeProvider time)
    : PageModel, IPostingFormPage
{
    [BindProperty]
    public PostingForm Input { get; set; } = new();

    public PostingFormOptions Options { get; private set; } = PostingFormOptions.Empty;

    public bool IsNew => true;

    /// <summary>False until a kind is chosen: the page first asks what is being published.</summary>
    public bool KindChosen { get; private set; }

    public async Task<IActionResult> OnGetAsync(PostingKind? kind)
    {
        var reader = await readers.CurrentAsync();
        if (!reader.MayPublish)
        {
            return RedirectToPage("/Postings/WhoPublishes");
        }

        if (kind is PostingKind k && Enum.IsDefined(k))
        {
            KindChosen = true;
            var own = reader.IsCoordinator ? null : await OwnCodeAsync(reader);
            Input = PostingForm.For(k, own ?? "", time.GetUtcNow());
            Options = await PostingFormOptions.LoadAsync(db, reader);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var reader = await readers.CurrentAsync();
        if (!reader.MayPublish)
        {
            return RedirectToPage("/Postings/WhoPublishes");
        }

        KindChosen = true;
        Options = await PostingFormOptions.LoadAsync(db, reader);
        var owner = await OwnerAsync(db, reader, Input.Participant, ModelState);
        var budget = Input.Validate(ModelState, Options.CountryCodes, time.GetUtcNow());
        if (!ModelState.IsValid || owner is null)
        {
            return Page();
        }

        var posting = await commands.CreateDraftAsync(Input, budget, owner);
        TempData["Status"] = "Draft saved. Nobody else can see it yet: check it, add attachments, then publish.";
        return Redirect($"/Postings/{posting.Id}");
    }

    private async Task<string?> OwnCodeAsync(Reader reader) =>
        await db.Participants.Where(p => p.Id == reader.ParticipantId).Select(p => p.Code).SingleAsync();

    /// <summary>The reader's own participant, or for a coordinator the one chosen in the form.</summary>
    public static async Task<Participant?> OwnerAsync(
        PortalDbContext db, Reader reader, string? chosen, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(state);
        if (!reader.IsCoordinator)
        {
            return await db.Participants.SingleAsync(p => p.Id == reader.ParticipantId);
        }

        var owner = !PostingLabels.IsCode(chosen) ? null : await db.Participants
            .SingleOrDefaultAsync(p => p.Code == chosen && (p.Kind == ParticipantKind.State || p.MayPublish));
        if (owner is null)
        {
            state.AddModelError("Input.Participant", "Choose the State or organisation this posting speaks for.");
        }

        return owner;
    }
}
