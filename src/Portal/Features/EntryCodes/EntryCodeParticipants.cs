using Portal.Data;

namespace Portal.Features.EntryCodes;

/// <summary>
/// Whom an entry-code visitor may say they act for. The choice is only declared: it is shown as unverified and gives
/// no right (Reader), but a code is still never accepted "for" a participant outside its audience: the States code
/// for States, the observers' code for organisations other than the coordinators' own.
/// </summary>
public static class EntryCodeParticipants
{
    public static IQueryable<Participant> OpenTo(PortalDbContext db, CodeAudience audience)
    {
        ArgumentNullException.ThrowIfNull(db);
        return audience == CodeAudience.States
            ? db.Participants.Where(p => p.Kind == ParticipantKind.State)
            : db.Participants.Where(p => p.Kind != ParticipantKind.State
                && !db.Users.Any(u => u.ParticipantId == p.Id && u.Role == PortalRole.Coordinator));
    }

    /// <summary>The participants the entry page offers: those some code is for.</summary>
    public static IQueryable<Participant> OpenToAnyCode(PortalDbContext db) =>
        OpenTo(db, CodeAudience.States).Concat(OpenTo(db, CodeAudience.Observers));
}
