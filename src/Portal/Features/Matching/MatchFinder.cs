using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;

namespace Portal.Features.Matching;

/// <summary>A suggested posting as a list shows it, with why it was suggested.</summary>
public sealed record Suggestion(int PostingId, PostingKind Kind, string Title, string ParticipantName, MatchResult Match);

/// <summary>
/// The postings <see cref="MatchScoring"/> finds for a need or an offer, among those the reader may see
/// (<see cref="Reader.MaySee(DateTimeOffset)"/>): an observer's offer never brings a States-only need to them.
/// </summary>
public sealed class MatchFinder(PortalDbContext db, TimeProvider time)
{
    /// <summary>
    /// How many candidates sharing an area are scored, newest first: enough for every posting the portal holds in a
    /// year (a few hundred), and a bound on the work of one page.
    /// </summary>
    public const int CandidateLimit = 2_000;

    /// <summary>
    /// The best matches for the posting, best first (then the newest), or none when the reader may not read it or it
    /// is not a current need or offer.
    /// </summary>
    public async Task<IReadOnlyList<Suggestion>> ForAsync(Reader reader, Posting posting, int take) =>
        (await ForManyAsync(reader, [posting], take))[posting.Id];

    /// <summary><see cref="ForAsync"/> for several postings, with one query per kind for the candidates of them all.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<Suggestion>>> ForManyAsync(Reader reader, IReadOnlyCollection<Posting> postings, int take)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(postings);
        var now = time.GetUtcNow();
        var result = postings.ToDictionary(p => p.Id, _ => (IReadOnlyList<Suggestion>)[]);
        var matchable = postings
            .Where(p => reader.MayRead(p, now) && p.Kind is PostingKind.Need or PostingKind.Offer && p.Status == PostingStatus.Published)
            .ToList();
        foreach (var group in matchable.GroupBy(p => p.Kind))
        {
            var other = group.Key == PostingKind.Need ? PostingKind.Offer : PostingKind.Need;
            var areas = group.Aggregate(CcmAreas.None, (all, p) => all | p.Areas);
            var candidates = await CandidatesAsync(reader, other, areas, now);
            foreach (var posting in group)
            {
                var side = SideOf(posting, [.. posting.Countries.Select(c => c.CountryCode)]);
                result[posting.Id] = [.. candidates
                    .Select(c => (c.Posting, c.ParticipantName, Match: MatchScoring.Score(side, SideOf(c.Posting, c.Countries), now)))
                    .Where(c => c.Match is not null)
                    .OrderByDescending(c => c.Match!.Score).ThenByDescending(c => c.Posting.PublishedAt).ThenByDescending(c => c.Posting.Id)
                    .Take(take)
                    .Select(c => new Suggestion(c.Posting.Id, c.Posting.Kind, c.Posting.Title, c.ParticipantName, c.Match!))];
            }
        }

        return result;
    }

    private sealed record Candidate(Posting Posting, string ParticipantName, List<string> Countries);

    /// <summary>The newest <see cref="CandidateLimit"/> postings of the kind that the reader may see and that share an area.</summary>
    private async Task<List<Candidate>> CandidatesAsync(Reader reader, PostingKind kind, CcmAreas areas, DateTimeOffset now) =>
        await db.Postings.AsNoTracking()
            .Where(reader.MaySee(now))
            .Where(p => p.Kind == kind && (p.Areas & areas) != 0)
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Take(CandidateLimit)
            .Select(p => new Candidate(p, p.Participant!.Name, p.Countries.Select(c => c.CountryCode).ToList()))
            .AsSplitQuery()
            .ToListAsync();

    private static MatchSide SideOf(Posting posting, IReadOnlyCollection<string> countries) => new(
        posting.Id, posting.ParticipantId, posting.Kind, posting.Status, posting.Areas, posting.AssistanceTypes,
        countries, posting.ChosenRegions, posting.Regions,
        posting.Budget, posting.Currency, posting.ApplicationDeadline, posting.ValidUntil);
}
