using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Postings;

namespace Portal.Pages.Participants;

public sealed record PublisherRow(string Code, string Name, int Needs, int Offers, int Experiences, DateTimeOffset? LastUpdate);

/// <summary>Who has published, with counts per kind: only postings this reader may see are counted.</summary>
public sealed class IndexModel(PortalDbContext db, Readers readers, PostingSearch search, TimeProvider time) : PageModel
{
    public IReadOnlyList<PublisherRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var reader = await readers.CurrentAsync();
        // A count over every visible posting: kept until a posting changes or expires (decision 007).
        Rows = await search.KeptForAudienceAsync(typeof(IndexModel), reader, () => ReadRowsAsync(reader));
    }

    private async Task<IReadOnlyList<PublisherRow>> ReadRowsAsync(Reader reader)
    {
        var counts = await db.Postings.AsNoTracking().VisibleTo(reader, time.GetUtcNow())
            .GroupBy(p => new { p.ParticipantId, p.Kind })
            .Select(g => new { g.Key.ParticipantId, g.Key.Kind, Count = g.Count(), Last = g.Max(p => p.PublishedAt) })
            .ToListAsync();
        var ids = counts.Select(c => c.ParticipantId).Distinct().ToList();
        var names = await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.Code, p.Name });
        return [.. counts.GroupBy(c => c.ParticipantId)
            .Select(g => new PublisherRow(names[g.Key].Code, names[g.Key].Name,
                g.Where(c => c.Kind == PostingKind.Need).Sum(c => c.Count),
                g.Where(c => c.Kind == PostingKind.Offer).Sum(c => c.Count),
                g.Where(c => c.Kind == PostingKind.Experience).Sum(c => c.Count),
                g.Max(c => c.Last)))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)];
    }
}
