using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue;

namespace Portal.Pages.Catalogue;

/// <summary>
/// The catalogue of good practices: the calls a State's accounts and the editors see, with the time left and the
/// State's own contributions; the editions this visitor may read.
/// </summary>
public sealed class IndexModel(PortalDbContext db, CatalogueVisitors visitors, TimeProvider time) : PageModel
{
    public CatalogueVisitor Visitor { get; private set; } = null!;

    public IReadOnlyList<CallRow> Calls { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public sealed record CallRow(CatalogueCall Call, DateOnly? Extension, IReadOnlyList<ContributionRow> Own);

    public sealed record ContributionRow(int Id, string Title, ContributionStatus Status);

    /// <summary>The published build of each edition this visitor may read.</summary>
    public IReadOnlyList<EditionRow> Editions { get; private set; } = [];

    public sealed record EditionRow(int BuildId, string CallTitle, bool ForObservers, DateTimeOffset? Built, int? Pages);

    public async Task<IActionResult> OnGetAsync()
    {
        Visitor = await visitors.CurrentAsync();
        if (!Visitor.IsAccount)
        {
            return NotFound();
        }

        Now = time.GetUtcNow();
        // Readers see only published builds anyway; editors see here what readers see.
        Editions = await db.CatalogueBuilds.AsNoTracking().Where(Visitor.MayReadBuild()).Where(b => b.PublishedAt != null)
            .Join(db.CatalogueCalls, b => b.CallId, c => c.Id, (b, c) => new EditionRow(b.Id, c.Title, b.ForObservers, b.FinishedAt, b.Pages))
            .ToListAsync();
        Editions = Editions.OrderByDescending(e => e.BuildId).ToList();
        if (!Visitor.SeesCalls)
        {
            return Page();
        }

        var calls = await db.CatalogueCalls.AsNoTracking()
            .Where(c => c.Status == CallStatus.Published || (Visitor.IsEditor && c.Status == CallStatus.Draft))
            .OrderByDescending(c => c.Deadline).ToListAsync();
        var own = Visitor.Reader.OwnParticipantId;
        var contributions = own is int participant
            ? await db.Contributions.AsNoTracking().Where(c => c.ParticipantId == participant)
                .Select(c => new { c.CallId, Row = new ContributionRow(c.Id, c.Title, c.Status) }).ToListAsync()
            : [];
        var extensions = own is int p
            ? await db.CallExtensions.AsNoTracking().Where(x => x.ParticipantId == p).ToDictionaryAsync(x => x.CallId, x => x.Deadline)
            : [];
        Calls = calls.Select(c => new CallRow(c, extensions.TryGetValue(c.Id, out var d) ? d : null,
            contributions.Where(x => x.CallId == c.Id).Select(x => x.Row).ToList())).ToList();
        return Page();
    }
}
