using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Features.Files;
using Portal.Features.WordImport;

namespace Portal.Pages.Catalogue.Calls;

/// <summary>
/// An editor enters a contribution that reached the editors by e-mail, on the State's behalf, from its Word file: the
/// text word for word, the sender recorded, the file's SHA-256 kept for the State to compare. The draft is the
/// State's; its focal points are e-mailed, complete it and submit it. The call's deadline (or the State's extension)
/// applies as to anyone.
/// </summary>
[RequestSizeLimit(Uploads.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Uploads.MaxUploadRequestBytes)]
public sealed class EnterOnBehalfModel(PortalDbContext db, CatalogueVisitors visitors, ContributionImports imports, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Whether the page offers to import a document with pending changes as if they were accepted.</summary>
    public bool OffersAcceptChanges { get; private set; }

    public CatalogueCall Call { get; private set; } = null!;

    /// <summary>The States a contribution can be entered for now: all of them while the call is open, else those with a later deadline.</summary>
    public IReadOnlyList<Participant> States { get; private set; } = [];

    private List<Participant> allStates = [];

    /// <summary>After the call's own deadline, the States that may still submit, with the day their extension ends.</summary>
    public IReadOnlyList<(string State, DateOnly Until)> Extended { get; private set; } = [];

    /// <summary>Why no contribution can be entered for most States now (the call is not open yet, or closed); null while open.</summary>
    public string? NotOpen { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose the State that sent the contribution.")]
        [Display(Name = "State")]
        public int? ParticipantId { get; set; }

        [Required(ErrorMessage = "Enter the name of the person who sent the file.")]
        [StringLength(ContributionLimits.Name, ErrorMessage = "The sender’s name can be at most 200 characters.")]
        [Display(Name = "Sender’s name")]
        public string? SenderName { get; set; }

        [Required(ErrorMessage = "Enter the e-mail address the file came from.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address like name@ministry.gov.")]
        [StringLength(256, ErrorMessage = "The e-mail address can be at most 256 characters.")]
        [Display(Name = "Sender’s e-mail address")]
        public string? SenderEmail { get; set; }

        [Display(Name = "Word document (.docx)")]
        public IFormFile? Document { get; set; }

        /// <summary>The importer's choice for a document with pending changes or comments (<see cref="WordUpload.ReadAsync"/>).</summary>
        public bool AcceptChanges { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        // Any State, not only those offered: the command says why a State's deadline has passed.
        var state = allStates.FirstOrDefault(s => s.Id == Input.ParticipantId);
        if (Input.ParticipantId is not null && state is null)
        {
            ModelState.AddModelError("Input.ParticipantId", "Choose the State that sent the contribution from the list.");
        }

        var (upload, problem, undecided) = await WordUpload.ReadAsync(Input.Document, DocxTarget.Contribution, Input.AcceptChanges);
        OffersAcceptChanges = undecided || Input.AcceptChanges;
        if (problem is not null)
        {
            ModelState.AddModelError("Input.Document", problem);
        }

        if (!ModelState.IsValid || state is null || upload is null)
        {
            return Page();
        }

        if (await imports.EnterOnBehalfAsync(Call, state, Input.SenderName!.Trim(), Input.SenderEmail!.Trim(), upload, ModelState) is not { } contribution)
        {
            return Page();
        }

        var pictures = ContributionImports.PicturesLeftToTheState(upload.Import.Images.Count);
        if (pictures.Length > 0)
        {
            TempData["Status"] = pictures;
        }

        return RedirectToPage("/Catalogue/Contributions/Entered", new { id = contribution.Id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        var visitor = await visitors.CurrentAsync();
        if (!visitor.MayEnterOnBehalf()
            || await db.CatalogueCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status == CallStatus.Published) is not { } call)
        {
            return false;
        }

        Call = call;
        var now = time.GetUtcNow();
        var states = allStates = (await db.Participants.AsNoTracking().ToListAsync())
            .Where(visitor.MayEnterOnBehalf).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        if (CallCalendar.TakesSubmissions(call, now))
        {
            States = states;
            return true;
        }

        var extensions = await db.CallExtensions.AsNoTracking().Where(x => x.CallId == id)
            .ToDictionaryAsync(x => x.ParticipantId, x => x.Deadline);
        States = states.Where(s => extensions.TryGetValue(s.Id, out var until) && CallCalendar.TakesSubmissions(call, now, until)).ToList();
        Extended = States.Select(s => (s.Name, extensions[s.Id])).ToList();
        NotOpen = ContributionImports.NotOpenMessage(call, now);
        return true;
    }

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
