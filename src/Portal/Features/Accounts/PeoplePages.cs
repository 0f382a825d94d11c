using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;

namespace Portal.Features.Accounts;

/// <summary>
/// Loading for the people pages (<c>/People/{code}</c>), with "missing" and "not yours" always the same answer: null,
/// then 404. Who manages whose people is <see cref="PeopleRights"/>.
/// </summary>
public sealed class PeoplePages(PortalDbContext db, Readers readers, AccountAdmin accounts)
{
    /// <summary>The participant of <paramref name="code"/>, if the current reader manages its people.</summary>
    public async Task<(Participant Participant, Reader Reader)?> ParticipantAsync(string? code)
    {
        var reader = await readers.CurrentAsync();
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        var participant = await db.Participants.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code);
        return participant is not null && PeopleRights.ManagesPeopleOf(reader, participant.Id) ? (participant, reader) : null;
    }

    /// <summary>An account of the participant of <paramref name="code"/>, with its participant, if the current reader may manage it.</summary>
    public async Task<(PortalUser Person, Reader Reader)?> PersonAsync(string? code, string? id)
    {
        var reader = await readers.CurrentAsync();
        var person = await accounts.FindAsync(reader, id);
        return person is not null && person.Participant!.Code == code ? (person, reader) : null;
    }

    /// <summary>Where the people pages lead back to: the participant's list, or the coordinator's list of every account.</summary>
    public static string ListPath(Reader reader, Participant participant)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(participant);
        return reader.IsCoordinator ? "/Admin/Accounts" : "/People/" + Uri.EscapeDataString(participant.Code);
    }
}
