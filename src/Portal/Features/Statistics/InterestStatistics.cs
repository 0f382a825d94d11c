using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Interests;

namespace Portal.Features.Statistics;

/// <summary>How many expressions of interest a reader may count, how many became projects, and where they all stand.</summary>
public sealed record InterestFigures(int Expressed, int ProjectsAgreed, IReadOnlyList<Figure> ByState);

/// <summary>
/// Counts the connections a reader may count (<see cref="InterestRights.Counted"/>: those on postings open to the
/// reader's audience), whatever became of the posting since: a project agreed stays counted. One grouped query.
/// </summary>
public sealed class InterestStatistics(PortalDbContext db)
{
    public async Task<InterestFigures> ForAsync(Reader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var byState = await db.Interests.AsNoTracking().Where(InterestRights.Counted(reader))
            .GroupBy(i => i.State).Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count);
        return new InterestFigures(
            byState.Values.Sum(),
            byState.GetValueOrDefault(InterestState.ProjectAgreed),
            [.. Enum.GetValues<InterestState>().Select(s => new Figure(s.Label(), byState.GetValueOrDefault(s)))]);
    }
}
