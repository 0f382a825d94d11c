using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Postings;

/// <summary>Loading a posting for a page, with the answer "missing or not yours" always the same: null, then 404.</summary>
public sealed class PostingPages(PortalDbContext db, Readers readers, TimeProvider time)
{
    /// <summary>The posting if this reader may read it (or manage it); tracked when <paramref name="forManaging"/>.</summary>
    public async Task<Posting?> FindAsync(int id, bool forManaging = false)
    {
        var reader = await readers.CurrentAsync();
        var query = db.Postings.Include(p => p.Participant).Include(p => p.Countries).AsSplitQuery();
        var posting = await (forManaging ? query : query.AsNoTracking()).SingleOrDefaultAsync(p => p.Id == id);
        if (posting is null)
        {
            return null;
        }

        return forManaging
            ? reader.MayManage(posting.ParticipantId) ? posting : null
            : reader.CanRead(posting, time.GetUtcNow()) ? posting : null;
    }

    /// <summary>The newest posting that replaced this one, if the reader may read it: where an old link should lead.</summary>
    public async Task<int?> ReplacementForAsync(int id)
    {
        var reader = await readers.CurrentAsync();
        var now = time.GetUtcNow();
        var old = await db.Postings.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.Status == PostingStatus.Replaced);
        // An observer must not learn anything about a posting that was never open to them.
        if (old is null || !(reader.SeesStatesOnly || old.Visibility == Visibility.StatesAndObservers || old.ParticipantId == reader.ParticipantId))
        {
            return null;
        }

        var next = old.ReplacedById;
        for (var hops = 0; next is int candidate && hops < 20; hops++)
        {
            var posting = await db.Postings.AsNoTracking().SingleOrDefaultAsync(p => p.Id == candidate);
            if (posting is null)
            {
                return null;
            }

            if (posting.Status != PostingStatus.Replaced)
            {
                return reader.CanRead(posting, now) ? posting.Id : null;
            }

            next = posting.ReplacedById;
        }

        return null;
    }
}
