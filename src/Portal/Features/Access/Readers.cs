using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Caching;

namespace Portal.Features.Access;

/// <summary>The current request's <see cref="Reader"/>, read once per request.</summary>
public sealed class Readers(IHttpContextAccessor http, PortalDbContext db, ChangeStamps stamps, ReadCache cache)
{
    private Reader? current;

    public async Task<Reader> CurrentAsync()
    {
        if (current is not null)
        {
            return current;
        }

        var user = http.HttpContext?.User ?? throw new InvalidOperationException("No request.");
        var participantId = user.ParticipantIdOf() ?? throw new InvalidOperationException("The session names no participant.");
        // Participants change under the "access" stamp too: a participant's rights are re-read as soon as they change.
        var participant = await cache.GetOrLoadAsync(new ParticipantRights(participantId), (await stamps.CurrentAsync()).Access,
            async () => (await db.Participants.AsNoTracking().Where(p => p.Id == participantId)
                .Select(p => new ParticipantRights.Value(p.Kind, p.MayPublish)).SingleAsync(), DateTimeOffset.MaxValue));
        var role = user.RoleOf() ?? PortalRole.Member;
        current = user.IsCodeSession()
            ? Reader.ForCodeSession(participantId, participant.Kind, participant.MayPublish, role)
            : Reader.ForAccount(user.UserIdOf() ?? throw new InvalidOperationException("The session names no account."),
                participantId, participant.Kind, participant.MayPublish, role);
        return current;
    }

    private sealed record ParticipantRights(int ParticipantId)
    {
        public sealed record Value(ParticipantKind Kind, bool MayPublish);
    }
}
