using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Participants;

public sealed record ParticipantOption(int Id, string Name, string Group, bool Selected);

public static class ParticipantOptions
{
    public static Task<IReadOnlyList<ParticipantOption>> LoadAsync(PortalDbContext db, int? selected)
    {
        ArgumentNullException.ThrowIfNull(db);
        return LoadAsync(db.Participants, selected);
    }

    /// <summary>The options for some of the participants (the entry page offers only those a code is for).</summary>
    public static async Task<IReadOnlyList<ParticipantOption>> LoadAsync(IQueryable<Participant> participants, int? selected)
    {
        var rows = await participants.AsNoTracking()
            .Select(p => new { p.Id, p.Name, p.Kind })
            .ToListAsync();
        return rows
            .OrderBy(p => p.Kind == ParticipantKind.State ? 0 : 1)
            .ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p => new ParticipantOption(p.Id, p.Name,
                p.Kind == ParticipantKind.State ? "States" : "Organisations (observers)", p.Id == selected))
            .ToList();
    }
}
