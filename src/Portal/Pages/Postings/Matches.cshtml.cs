using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Interests;
using Portal.Features.Matching;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

/// <summary>For a need, the offers that could serve it; for an offer, the needs it could serve; each with its reasons.</summary>
public sealed class MatchesModel(PortalDbContext db, PostingPages pages, Readers readers, MatchFinder finder, TimeProvider time) : PageModel
{
    /// <summary>How many suggestions the page lists.</summary>
    public const int Shown = 20;

    public Posting Posting { get; private set; } = null!;

    public IReadOnlyList<Suggestion> Suggestions { get; private set; } = [];

    /// <summary>Past its valid-until date: nothing is suggested for it, and the page says why.</summary>
    public bool IsExpired { get; private set; }

    /// <summary>An offer whose application deadline has passed: nothing is suggested for it, and the page says why.</summary>
    public bool ApplicationsClosed { get; private set; }

    /// <summary>Country names by code, for the reasons.</summary>
    public IReadOnlyDictionary<string, string> CountryNames { get; private set; } = new Dictionary<string, string>();

    public MatchInterests Interests { get; private set; } = MatchInterests.None;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await pages.FindAsync(id) is not { } posting)
        {
            return NotFound();
        }

        Posting = posting;
        var now = time.GetUtcNow();
        IsExpired = posting.ValidUntil <= now;
        ApplicationsClosed = posting.Kind == PostingKind.Offer && !OfferDeadline.IsOpen(posting.ApplicationDeadline, now);
        Suggestions = await finder.ForAsync(await readers.CurrentAsync(), posting, Shown);
        CountryNames = await MatchPages.CountryNamesAsync(db, Suggestions);
        Interests = await MatchPages.InterestsAsync(db, await readers.CurrentAsync(), Suggestions, now);
        return Page();
    }
}

/// <summary>
/// What a match list offers about interest: "Express interest" on the suggestions <see cref="InterestRights"/> allows
/// (not the reader's own participant's, not an offer whose applications closed), or, where the reader's participant
/// already did, the link to that connection (by posting id).
/// </summary>
public sealed record MatchInterests(IReadOnlySet<int> Expressible, IReadOnlyDictionary<int, int> Connections)
{
    public static readonly MatchInterests None = new(new HashSet<int>(), new Dictionary<int, int>());
}

/// <summary>What the two match pages share.</summary>
public static class MatchPages
{
    /// <summary>The names of the countries the reasons name.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> CountryNamesAsync(PortalDbContext db, IEnumerable<Suggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(db);
        var codes = suggestions.SelectMany(s => s.Match.Reasons).OfType<EligibleCountries>().SelectMany(r => r.Codes)
            .Distinct(StringComparer.Ordinal).ToList();
        return codes.Count == 0
            ? new Dictionary<string, string>()
            : await db.Participants.AsNoTracking().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Name, StringComparer.Ordinal);
    }

    public static async Task<MatchInterests> InterestsAsync(PortalDbContext db, Reader reader, IEnumerable<Suggestion> suggestions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(reader);
        // Connections are an account's participant's; an entry-code session has none and expresses nothing.
        if (reader.OwnParticipantId is not int own)
        {
            return MatchInterests.None;
        }

        var ids = suggestions.Select(s => s.PostingId).Distinct().ToList();
        var connections = await db.Interests.AsNoTracking()
            .Where(i => i.ParticipantId == own && i.PostingId != null && ids.Contains(i.PostingId.Value))
            .ToDictionaryAsync(i => i.PostingId!.Value, i => i.Id);
        var postings = await db.Postings.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync();
        var expressible = postings.Where(p => InterestRights.MayExpress(reader, p, now)).Select(p => p.Id).ToHashSet();
        return new MatchInterests(expressible, connections);
    }

    public static string CountryName(this IReadOnlyDictionary<string, string> names, string code) =>
        names.TryGetValue(code, out var name) ? name : code;
}
