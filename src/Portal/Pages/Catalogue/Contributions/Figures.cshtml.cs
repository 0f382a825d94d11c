using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Features.Files;

namespace Portal.Pages.Catalogue.Contributions;

/// <summary>
/// The pictures of a contribution, in the order the book prints them: those who may edit it add them (a photograph
/// with caption, credit and description), remove them and put them in order; everyone who may read it sees the list.
/// </summary>
[RequestSizeLimit(Uploads.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = Uploads.MaxUploadRequestBytes)]
public sealed class FiguresModel(PortalDbContext db, ContributionCommands commands, ContributionFigures figures, CatalogueVisitors visitors) : PageModel
{
    [BindProperty]
    public FigureForm Input { get; set; } = new();

    public Contribution Contribution { get; private set; } = null!;

    public bool MayEdit { get; private set; }

    public IReadOnlyList<FigureRow> Figures { get; private set; } = [];

    public sealed record FigureRow(int Id, string Caption, string Credit, string AltText, int WebWidth, int WebHeight, int PrintWidth, int PrintHeight);

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? await PageAsync() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id) || !MayEdit)
        {
            return NotFound();
        }

        if (await figures.AddAsync(Contribution, Input, ModelState) is not { } added)
        {
            return await PageAsync();
        }

        return Done(id, $"Picture {added.Position + 1} is added: “{added.Caption}”.", $"figure-{added.Id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int figure)
    {
        if (!await LoadAsync(id) || !MayEdit || Contribution.Figures.SingleOrDefault(f => f.Id == figure) is not { } removed)
        {
            return NotFound();
        }

        var caption = removed.Caption;
        return await figures.RemoveAsync(Contribution, figure, ModelState)
            ? Done(id, $"The picture “{caption}” is removed.")
            : await PageAsync();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int figure, bool up)
    {
        if (!await LoadAsync(id) || !MayEdit || Contribution.Figures.SingleOrDefault(f => f.Id == figure) is not { } moved)
        {
            return NotFound();
        }

        var caption = moved.Caption;
        if (await figures.MoveAsync(Contribution, figure, up, ModelState))
        {
            return Done(id, up ? $"The picture “{caption}” moved up." : $"The picture “{caption}” moved down.", $"figure-{figure}");
        }

        return ModelState.IsValid ? Done(id, "That picture cannot move further.") : await PageAsync();
    }

    private RedirectToPageResult Done(int id, string status, string? fragment = null)
    {
        TempData["Status"] = status;
        return RedirectToPage(null, null, new { id }, fragment);
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await commands.FindAsync(id) is not { } contribution)
        {
            return false;
        }

        Contribution = contribution;
        MayEdit = await visitors.MayEditAsync(contribution);
        return true;
    }

    // Read afresh rather than from the contribution: after a change that could not be saved, its list is not the stored one.
    private async Task<PageResult> PageAsync()
    {
        Figures = await db.ContributionFigures.AsNoTracking().Where(f => f.ContributionId == Contribution.Id).OrderBy(f => f.Position)
            .Select(f => new FigureRow(f.Id, f.Caption, f.Credit, f.AltText, f.WebWidth, f.WebHeight, f.PrintWidth, f.PrintHeight))
            .ToListAsync();
        return Page();
    }
}
