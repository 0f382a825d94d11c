using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Matching;

namespace Portal.Pages.Postings;

public sealed record OwnMatches(Posting Posting, IReadOnlyList<Suggestion> Best);

/// <summary>
/// "Matches for my participant": each current need and offer of the account's own participant with its best
/// suggestions. Ownership comes from the account alone: an entry-code session has no participant of its own here.
/// </summary>
public sealed class OurMatchesModel(PortalDbContext db, Readers readers, MatchFinder finder, TimeProvider time) : PageModel
{
    /// <summary>Suggestions shown per posting; the posting's own page lists more.</summary>
    public const int PerPosting = 3;

    /// <summary>Postings listed, newest first.</summary>
    public const int Postings = 50;

    public bool HasOwnParticipant { get; private set; }

    public string ParticipantName { get; private set; } = "";

    public IReadOnlyList<OwnMatches> Items { get; private set; } = [];

    public IReadOnlyDictionary<string, string> CountryNames { get; private set; } = new Dictionary<string, string>();

    public MatchInterests Interests { get; private set; } = MatchInterests.None;

    public async Task OnGetAsync()
    {
        var reader = await readers.CurrentAsync();
        if (reader.OwnParticipantId is not int own)
        {
            return;
        }

        HasOwnParticipant = true;
        var now = time.GetUtcNow();
        ParticipantName = await db.Participants.Where(p => p.Id == own).Select(p => p.Name).SingleAsync();
        var postings = await db.Postings.AsNoTracking().Include(p => p.Countries)
            .Where(reader.MaySee(now))
            .Where(p => p.ParticipantId == own && (p.Kind == PostingKind.Need || p.Kind == PostingKind.Offer))
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Take(Postings)
            .AsSplitQuery()
            .ToListAsync();
        var best = await finder.ForManyAsync(reader, postings, PerPosting);
        var items = postings.Select(p => new OwnMatches(p, best[p.Id])).ToList();
        Items = items;
        CountryNames = await MatchPages.CountryNamesAsync(db, items.SelectMany(i => i.Best));
        Interests = await MatchPages.InterestsAsync(db, reader, items.SelectMany(i => i.Best), now);
    }
}
