using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Caching;
using Portal.Features.Security;

namespace Portal.Features.Postings;

/// <summary>
/// Who is reading, as far as postings are concerned. Visibility and ownership are decided here and nowhere else,
/// so that every list, count, search, page and download applies the same rules.
/// </summary>
public sealed record Reader(
    int ParticipantId, bool ParticipantIsState, bool ParticipantMayPublish, PortalRole Role, bool IsAccount, string? UserId)
{
    public bool IsCoordinator => Role == PortalRole.Coordinator && IsAccount;

    /// <summary>States see everything published; observers (organisations) only what a State opened to them.</summary>
    public bool SeesStatesOnly => ParticipantIsState || IsCoordinator;

    /// <summary>Focal points of a State, or of an organisation the coordinator lets publish, and coordinators.</summary>
    public bool MayPublish => IsCoordinator
        || (IsAccount && Role == PortalRole.FocalPoint && (ParticipantIsState || ParticipantMayPublish));

    /// <summary>Edit, renew, withdraw, replace, attach: the owner's focal points and the coordinator.</summary>
    public bool MayManage(int owningParticipantId) =>
        IsCoordinator || (MayPublish && owningParticipantId == ParticipantId);
}

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
        current = new Reader(participantId, participant.Kind == ParticipantKind.State, participant.MayPublish,
            user.RoleOf() ?? PortalRole.Member, !user.IsCodeSession(), user.UserIdOf());
        return current;
    }

    private sealed record ParticipantRights(int ParticipantId)
    {
        public sealed record Value(ParticipantKind Kind, bool MayPublish);
    }
}

public static class PostingVisibility
{
    /// <summary>Published, not expired, and open to this reader. Every reader-facing query starts here.</summary>
    public static IQueryable<Posting> VisibleTo(this IQueryable<Posting> postings, Reader reader, DateTimeOffset now) =>
        reader.SeesStatesOnly
            ? postings.Where(p => p.Status == PostingStatus.Published && p.ValidUntil > now)
            : postings.Where(p => p.Status == PostingStatus.Published && p.ValidUntil > now
                && (p.Visibility == Visibility.StatesAndObservers || p.ParticipantId == reader.ParticipantId));

    /// <summary>Whether this reader may open the posting's page: visible to them, or theirs to manage.</summary>
    public static bool CanRead(this Reader reader, Posting posting, DateTimeOffset now) =>
        reader.MayManage(posting.ParticipantId)
        || (posting.Status == PostingStatus.Published && posting.ValidUntil > now
            && (reader.SeesStatesOnly || posting.Visibility == Visibility.StatesAndObservers
                || posting.ParticipantId == reader.ParticipantId));
}
