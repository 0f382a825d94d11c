using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Features.Files;
using Portal.Features.WordImport;

namespace Portal.Pages.Catalogue.Calls;

/// <summary>
/// A State's focal point starts a contribution from a Word document: its text, word for word, becomes the draft's text,
/// and its title (or first heading) the draft's title unless one is typed. The rest of the form is filled in next.
/// </summary>
[RequestSizeLimit(Uploads.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Uploads.MaxUploadRequestBytes)]
public sealed class ImportModel(
    PortalDbContext db, CatalogueVisitors visitors, ContributionCommands commands, ContributionImports imports, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Whether the page offers to import a document with pending changes as if they were accepted.</summary>
    public bool OffersAcceptChanges { get; private set; }

    public CatalogueCall Call { get; private set; } = null!;

    public string TimeLeft { get; private set; } = "";

    public sealed class InputModel
    {
        public string? Title { get; set; }

        public IFormFile? Document { get; set; }

        /// <summary>The importer's choice for a document with pending changes or comments (<see cref="WordUpload.ReadAsync"/>).</summary>
        public bool AcceptChanges { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id) => await FindAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await FindAsync(id))
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

        var (contribution, title) = await imports.StartAsync(Call, Input.Title, upload, ModelState);
        if (contribution is null)
        {
            return Page();
        }

        // Each part of the report is a sentence of its own, or nothing.
        TempData["Status"] = string.Join(" ", new[]
        {
            $"Your draft is saved with the text of “{upload.FileName}”, word for word. Only your State’s accounts see it until you submit it.",
            ContributionImports.TitleReport(title),
            ContributionImports.PicturesNotImported(upload.Import.Images.Count),
        }.Where(s => s.Length > 0));
        return RedirectToPage("/Catalogue/Contributions/Edit", new { id = contribution.Id });
    }

    private async Task<bool> FindAsync(int id)
    {
        var visitor = await visitors.CurrentAsync();
        if (visitor.Reader.OwnParticipantId is not int own || !visitor.MayWrite(own)
            || await db.CatalogueCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status == CallStatus.Published) is not { } call)
        {
            return false;
        }

        Call = call;
        TimeLeft = CallCalendar.TimeLeft(call, time.GetUtcNow(), await commands.ExtensionAsync(call.Id, own));
        return true;
    }
}
