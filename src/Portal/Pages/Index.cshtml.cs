using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Catalogue;
using Portal.Features.Notices;
using Portal.Features.Postings;

namespace Portal.Pages;

public sealed class IndexModel(Readers readers, CatalogueVisitors catalogue, WaitingItems waiting, PortalDbContext db, TimeProvider time) : PageModel
{
    public sealed record Expiring(int Id, string Title, DateTimeOffset ValidUntil);

    public bool MayPublish { get; private set; }

    public bool IsCoordinator { get; private set; }

    /// <summary>What waits for the account to act (access requests, contributions, sign-offs): the same as its e-mails tell.</summary>
    public IReadOnlyList<WaitingSection> Waiting { get; private set; } = [];

    /// <summary>The reader's own published postings that expire within 30 days, soonest first: they need a decision.</summary>
    public IReadOnlyList<Expiring> ExpiringSoon { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    /// <summary>Calls that take contributions now, with the time left for the reader's own State.</summary>
    public IReadOnlyList<OpenCall> OpenCalls { get; private set; } = [];

    public sealed record OpenCall(int Id, string Title, string TimeLeft, int OwnContributions);

    public bool SeesCatalogue { get; private set; }

    public async Task OnGetAsync()
    {
        var reader = await readers.CurrentAsync();
        MayPublish = reader.MayPublish;
        Now = time.GetUtcNow();
        if (reader.MayPublish && reader.OwnParticipantId is int own)
        {
            var until = Now.Add(PostingRenewal.Soon);
            ExpiringSoon = await db.Postings.AsNoTracking()
                .Where(p => p.ParticipantId == own && p.Status == PostingStatus.Published && p.ValidUntil > Now && p.ValidUntil <= until)
                .OrderBy(p => p.ValidUntil).Select(p => new Expiring(p.Id, p.Title, p.ValidUntil)).ToListAsync();
        }

        var visitor = await LoadCatalogueAsync();
        IsCoordinator = reader.IsCoordinator;
        Waiting = await waiting.ForAsync(new WaitingAccount(reader, visitor.HasEditorRight));
    }

    private async Task<CatalogueVisitor> LoadCatalogueAsync()
    {
        var visitor = await catalogue.CurrentAsync();
        SeesCatalogue = visitor.SeesCalls;
        if (!visitor.SeesCalls)
        {
            return visitor;
        }

        var own = visitor.Reader.OwnParticipantId;
        var calls = await db.CatalogueCalls.AsNoTracking().Where(c => c.Status == CallStatus.Published).ToListAsync();
        var extensions = own is int p
            ? await db.CallExtensions.AsNoTracking().Where(x => x.ParticipantId == p).ToDictionaryAsync(x => x.CallId, x => x.Deadline)
            : [];
        var counts = own is int q
            ? await db.Contributions.AsNoTracking().Where(c => c.ParticipantId == q && c.Status != ContributionStatus.Withdrawn)
                .GroupBy(c => c.CallId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count)
            : [];
        OpenCalls = calls
            .Select(c => (Call: c, Extension: extensions.TryGetValue(c.Id, out var d) ? d : (DateOnly?)null))
            .Where(x => CallCalendar.TakesSubmissions(x.Call, Now, x.Extension))
            .OrderBy(x => CallCalendar.ClosesAt(x.Call, x.Extension))
            .Select(x => new OpenCall(x.Call.Id, x.Call.Title, CallCalendar.TimeLeft(x.Call, Now, x.Extension), counts.GetValueOrDefault(x.Call.Id)))
            .ToList();
        return visitor;
    }
}
