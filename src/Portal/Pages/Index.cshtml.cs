using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Accounts;
using Portal.Features.Catalogue;
using Portal.Features.Notices;
using Portal.Features.Postings;

namespace Portal.Pages;

public sealed class IndexModel(Readers readers, CatalogueVisitors catalogue, WaitingItems waiting, PortalDbContext db, TimeProvider time) : PageModel
{
    public bool MayPublish { get; private set; }

    public bool IsCoordinator { get; private set; }

    /// <summary>A State's focal point, who invites and disables the State's people (<see cref="PeopleRights"/>).</summary>
    public bool ManagesPeople { get; private set; }

    /// <summary>
    /// What waits for the account to act (access requests, postings to renew, contributions, sign-offs): the same as its
    /// e-mails tell.
    /// </summary>
    public IReadOnlyList<WaitingSection> Waiting { get; private set; } = [];

    /// <summary>
    /// The postings of the waiting section <see cref="PostingWaitingItems.Key"/>, all of them, for the home page's list
    /// with a link to each and to its renewal.
    /// </summary>
    public IReadOnlyList<ExpiringSoon> ExpiringSoon { get; private set; } = [];

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
        var visitor = await LoadCatalogueAsync();
        IsCoordinator = reader.IsCoordinator;
        ManagesPeople = !reader.IsCoordinator && PeopleRights.ManagesPeopleOf(reader, reader.ParticipantId);
        Waiting = await waiting.ForAsync(new WaitingAccount(reader, visitor.HasEditorRight));
        if (Waiting.Any(w => w.Key == PostingWaitingItems.Key) && reader.OwnParticipantId is int own)
        {
            ExpiringSoon = await PostingWaitingItems.ExpiringAsync(db, own, Now);
        }
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
