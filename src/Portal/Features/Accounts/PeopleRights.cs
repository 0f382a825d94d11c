using Portal.Data;
using Portal.Features.Access;

namespace Portal.Features.Accounts;

/// <summary>
/// Who may manage whose people (invite, re-send or cancel an invitation, change a role, disable, enable), said once:
/// <list type="bullet">
/// <item>a coordinator: anyone, of any participant, in any role that fits it (<see cref="RolesFor"/>), coordinators
/// included;</item>
/// <item>a State's focal point: the people of their own State, as member or focal point, never a coordinator;</item>
/// <item>everyone else (members, observers, organisations' focal points, entry-code sessions): nobody.</item>
/// </list>
/// Organisations' people stay with the coordinator: who observes is the coordinator's decision, since States open
/// postings to observers trusting that it is. The pages ask this to answer 404, and the commands of
/// <see cref="AccountInvitations"/> and <see cref="AccountAdmin"/> ask it again themselves.
/// </summary>
public static class PeopleRights
{
    /// <summary>Which roles fit a person of this participant. Coordinators belong to an organisation (the ISU).</summary>
    public static IReadOnlyList<PortalRole> RolesFor(Participant participant, bool includeCoordinator)
    {
        ArgumentNullException.ThrowIfNull(participant);
        var roles = participant.IsState ? new List<PortalRole> { PortalRole.FocalPoint, PortalRole.Member }
            : participant.MayPublish ? [PortalRole.Observer, PortalRole.FocalPoint]
            : [PortalRole.Observer];
        if (includeCoordinator && !participant.IsState)
        {
            roles.Add(PortalRole.Coordinator);
        }

        return roles;
    }

    /// <summary>Whether the reader manages the people of this participant at all.</summary>
    public static bool ManagesPeopleOf(Reader reader, int participantId)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsCoordinator || (IsStateFocalPoint(reader) && reader.ParticipantId == participantId);
    }

    /// <summary>The roles the reader may give a person of this participant; none where they manage nobody.</summary>
    public static IReadOnlyList<PortalRole> RolesToGive(Reader reader, Participant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        return ManagesPeopleOf(reader, participant.Id) ? RolesFor(participant, includeCoordinator: reader.IsCoordinator) : [];
    }

    /// <summary>Whether the reader may act on this account: one of the people they manage, and never a coordinator for a focal point.</summary>
    public static bool MayManage(Reader reader, int accountParticipantId, PortalRole accountRole)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsCoordinator || (ManagesPeopleOf(reader, accountParticipantId) && accountRole != PortalRole.Coordinator);
    }

    private static bool IsStateFocalPoint(Reader reader) =>
        reader.IsAccount && reader.Role == PortalRole.FocalPoint && reader.ParticipantIsState;
}
