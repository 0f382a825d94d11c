using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Participants;

/// <summary>
/// Adds every State from the shipped file on first start, and States added to the file later. It never
/// overwrites a status: once in the database, the coordinator owns it.
/// </summary>
public sealed class ParticipantSeeder(PortalDbContext db, TimeProvider time, IWebHostEnvironment environment)
{
    public async Task<int> SeedStatesAsync()
    {
        try
        {
            return await SeedOnceAsync();
        }
        catch (DbUpdateException)
        {
            // Another instance starting on the same fresh database seeded at the same moment; take what it wrote.
            db.ChangeTracker.Clear();
            return await SeedOnceAsync();
        }
    }

    private async Task<int> SeedOnceAsync()
    {
        var (rows, _, _) = StatesFile.Read(StatesFile.DefaultPath(environment.ContentRootPath));
        var known = await db.Participants.Where(p => p.Kind == ParticipantKind.State).Select(p => p.Code).ToListAsync();
        var knownSet = known.ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var row in rows.Where(r => !knownSet.Contains(r.Iso3)))
        {
            db.Participants.Add(new Participant
            {
                Kind = ParticipantKind.State,
                Code = row.Iso3,
                Name = row.Name,
                M49 = row.M49,
                Region = row.Region,
                Subregion = row.Subregion,
                CcmStatus = row.Status,
                MayPublish = true,
                CreatedAt = now,
            });
            added++;
        }

        await db.SaveChangesAsync();
        return added;
    }
}

public static class ParticipantLabels
{
    public static string Label(this CcmStatus status) => status switch
    {
        CcmStatus.StateParty => "State Party",
        CcmStatus.Signatory => "Signatory",
        _ => "Not party",
    };

    public static string Label(this ParticipantKind kind) => kind switch
    {
        ParticipantKind.State => "State",
        ParticipantKind.InternationalOrganisation => "International organisation",
        _ => "Non-governmental organisation",
    };
}
