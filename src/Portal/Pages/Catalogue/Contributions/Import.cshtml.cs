using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Features.Files;
using Portal.Features.WordImport;

namespace Portal.Pages.Catalogue.Contributions;

/// <summary>
/// A focal point replaces the text of a draft (or of a contribution sent back for revision) with a Word document's,
/// word for word. This page is the question that replacing asks first; the title and the other fields stay.
/// </summary>
[RequestSizeLimit(Uploads.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Uploads.MaxUploadRequestBytes)]
public sealed class ImportModel(ContributionCommands commands, ContributionImports imports, CatalogueVisitors visitors) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Whether the page offers to import a document with pending changes as if they were accepted.</summary>
    public bool OffersAcceptChanges { get; private set; }

    public Contribution Contribution { get; private set; } = null!;

    /// <summary>Whether the draft has text of its own that the document's would replace (beyond the suggested headings).</summary>
    public bool HasText { get; private set; }

    public sealed class InputModel
    {
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

        var (upload, problem, undecided) = await WordUpload.ReadAsync(Input.Document, DocxTarget.Contribution, Input.AcceptChanges);
        OffersAcceptChanges = undecided || Input.AcceptChanges;
        if (upload is null)
        {
            ModelState.AddModelError("Input.Document", problem!);
            return Page();
        }

        if (!await imports.ReplaceTextAsync(Contribution, upload, ModelState))
        {
            return Page();
        }

        var pictures = ContributionImports.PicturesNotImported(upload.Import.Images.Count);
        TempData["Status"] = pictures.Length == 0
            ? $"The draft’s text is now the text of “{upload.FileName}”, word for word."
            : $"The draft’s text is now the text of “{upload.FileName}”, word for word. {pictures}";
        return RedirectToPage("Edit", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await commands.FindAsync(id) is not { } contribution || !await visitors.MayEditAsync(contribution))
        {
            return false;
        }

        Contribution = contribution;
        HasText = contribution.Body.Trim().Length > 0 && contribution.Body.Trim() != ContributionForm.SuggestedBody.Trim();
        return true;
    }
}
