using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Files;
using Portal.Features.Postings;
using Portal.Features.WordImport;

namespace Portal.Pages.Postings;

/// <summary>
/// A Word document becomes a draft: its text, word for word, as the body; its pictures and the document itself as
/// attachments (so the sender can compare the file's SHA-256 with their own); and its core (summary, contact point,
/// the classification a first table names) read from the document, so that the coordinator only has to classify it
/// (<see cref="ClassifyModel"/>) and never writes prose on a State's behalf.
/// </summary>
[RequestSizeLimit(Uploads.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Uploads.MaxUploadRequestBytes)]
public sealed class ImportModel(
    PortalDbContext db, Readers readers, PostingCommands commands, PostingAttachments attachments, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Whether the page offers to import a document with pending changes as if they were accepted.</summary>
    public bool OffersAcceptChanges { get; private set; }

    public PostingFormOptions Options { get; private set; } = PostingFormOptions.Empty;

    public sealed class InputModel
    {
        public PostingKind? Kind { get; set; }

        public string? Participant { get; set; }

        public IFormFile? Document { get; set; }

        /// <summary>The importer's choice for a document with pending changes or comments (<see cref="WordUpload.ReadAsync"/>).</summary>
        public bool AcceptChanges { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var reader = await readers.CurrentAsync();
        if (!reader.MayPublish)
        {
            return RedirectToPage("/Postings/WhoPublishes");
        }

        Options = await PostingFormOptions.LoadAsync(db, reader);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var reader = await readers.CurrentAsync();
        if (!reader.MayPublish)
        {
            return RedirectToPage("/Postings/WhoPublishes");
        }

        Options = await PostingFormOptions.LoadAsync(db, reader);
        if (Input.Kind is not PostingKind kind || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Input.Kind", "Choose whether the document is a need, an offer or an experience.");
            kind = PostingKind.Need;
        }

        var owner = await NewModel.OwnerAsync(db, reader, Input.Participant, ModelState);
        var (upload, problem, undecided) = await WordUpload.ReadAsync(Input.Document, DocxTarget.Posting, Input.AcceptChanges);
        OffersAcceptChanges = undecided || Input.AcceptChanges;
        if (problem is not null)
        {
            ModelState.AddModelError("Input.Document", problem);
        }

        if (!ModelState.IsValid || owner is null || upload is null)
        {
            return Page();
        }

        var imported = upload.Import;
        var (form, budget) = Draft(kind, owner, imported, Input.Document!.FileName);
        var posting = await commands.CreateDraftAsync(form, budget, owner, imported: upload);
        var problems = new List<string>();
        foreach (var image in imported.Images)
        {
            if (await attachments.AddAsync(posting, image.FileName, image.Content) is { } error)
            {
                problems.Add(error);
            }
        }

        if (await attachments.AddAsync(posting, Input.Document!.FileName, upload.Content) is { } sourceError)
        {
            problems.Add(sourceError);
        }

        // Each problem is a sentence of its own.
        TempData["Status"] = problems.Count == 0
            ? "Imported as a draft, word for word. Choose where the posting belongs, save, then publish it."
            : $"Imported as a draft, word for word, but not every file could be attached. {string.Join(" ", problems)} Choose where the posting belongs, save, then publish it.";
        return Redirect($"/Postings/{posting.Id}/Classify");
    }

    /// <summary>The draft's form: the document's text and what it says of the core, in its own words.</summary>
    private (PostingForm Form, decimal? Budget) Draft(PostingKind kind, Participant owner, DocxImport imported, string fileName)
    {
        var core = imported.Core;
        var title = imported.Title ?? core.Title;
        var form = PostingForm.For(kind, owner.Code, time.GetUtcNow());
        form.Title = title ?? Truncate(Path.GetFileNameWithoutExtension(fileName), PostingLimits.Title);
        form.Summary = core.Summary;
        form.ContactPoint = core.ContactPoint;
        form.Period = core.Period;
        form.Body = imported.Markdown;
        DocumentClassification.Apply(core, form, Options.Countries);

        // What a save does to the form (line ends, the budget's digits), so that the document's words compare equal
        // when the form comes back. What is still missing is the coordinator's to choose on the next page.
        var budget = form.Validate(new ModelStateDictionary(), Options.CountryCodes, time.GetUtcNow());
        var parts = ImportedParts.Text
            | (title is null ? ImportedParts.None : ImportedParts.Title)
            | (string.IsNullOrEmpty(form.Summary) ? ImportedParts.None : ImportedParts.Summary)
            | (string.IsNullOrEmpty(form.ContactPoint) ? ImportedParts.None : ImportedParts.ContactPoint)
            | (string.IsNullOrEmpty(form.Period) ? ImportedParts.None : ImportedParts.Period);
        form.Imported = new ImportedWords(parts, form.Title ?? "", form.Summary ?? "", form.ContactPoint ?? "", form.Period, form.Body ?? "");
        return (form, budget);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
