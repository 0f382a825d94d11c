using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Postings;

/// <summary>
/// Keeps <see cref="Posting.Regions"/> holding the M49 sub-regions of the countries a posting names. Postings saved
/// before the portal knew sub-regions hold only the continents; each start adds what is missing, one conditional update
/// per sub-region (nothing to do is one index-free scan each, and a posting saved since is already whole). An update, not
/// a migration: the column keeps its type, and the States file, which says where each country lies, is read at start.
/// </summary>
public sealed class PostingRegions(PortalDbContext db)
{
    public async Task<int> AddMissingSubregionsAsync(CancellationToken cancellationToken = default)
    {
        var updated = 0;
        foreach (var subregion in M49Regions.InOrder.Where(M49Regions.IsSubregion))
        {
            var name = M49Regions.M49Name(subregion);
            var region = M49Regions.RegionOf(subregion);
            updated += await db.Postings
                .Where(p => (p.Regions & subregion) == 0 && p.Countries.Any(c => db.Participants.Any(s =>
                    s.Kind == ParticipantKind.State && s.Code == c.CountryCode && s.Subregion == name)))
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Regions, p => p.Regions | subregion | region), cancellationToken);
        }

        return updated;
    }
}
