using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;

namespace Portal.Features.Interests;

/// <summary>Loading a connection for a page, with "missing or not yours" always the same answer: null, then 404.</summary>
public sealed class InterestPages(PortalDbContext db, Readers readers)
{
    public async Task<(Interest Interest, Reader Reader)?> FindAsync(int id, bool tracked = false)
    {
        var reader = await readers.CurrentAsync();
        var query = db.Interests.Include(i => i.Participant).Include(i => i.OwnerParticipant).Include(i => i.Replies).AsSplitQuery();
        var interest = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(i => i.Id == id);
        return interest is not null && InterestRights.MayRead(reader, interest) ? (interest, reader) : null;
    }
}
