using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Caching;

namespace Portal.Features.Access;

/// <summary>
/// Who is reading, as far as postings are concerned. Visibility and ownership are decided here and nowhere else,
/// so that every list, count, search, page, download and kept read applies the same rules.
/// </summary>
/// <remarks>
/// <see cref="ParticipantId"/> of an entry-code session is only what the visitor declared: it is shown (as
/// unverified) and never grants a right. Ownership comes from an account alone (<see cref="Owns"/>), and an
/// entry-code session reads as an anonymous member of its code's audience, States or observers.
/// </remarks>
public sealed record Reader(
    int ParticipantId, bool ParticipantIsState, bool ParticipantMayPublish, PortalRole Role, bool IsAccount, string? UserId)
{
    public bool IsCoordinator => Role == PortalRole.Coordinator && IsAccount;

    /// <summary>
    /// States see everything published; observers (organisations) only what a State opened to them. An account reads
    /// as its participant; an entry-code session as its code's audience (the observers' code gives the Observer role).
    /// </summary>
    public bool SeesStatesOnly => IsAccount ? ParticipantIsState || IsCoordinator : Role != PortalRole.Observer;

    /// <summary>The participant whose postings are this reader's own: an account's participant, never a declared one.</summary>
    public int? OwnParticipantId => IsAccount ? ParticipantId : null;

    public bool Owns(int owningParticipantId) => OwnParticipantId == owningParticipantId;

    /// <summary>Readers with the same audience see exactly the same published postings, so they may share kept reads.</summary>
    public ReaderAudience Audience => new(SeesStatesOnly, SeesStatesOnly ? null : OwnParticipantId);

    /// <summary>Focal points of a State, or of an organisation the coordinator lets publish, and coordinators.</summary>
    public bool MayPublish => IsCoordinator
        || (IsAccount && Role == PortalRole.FocalPoint && (ParticipantIsState || ParticipantMayPublish));

    /// <summary>Edit, renew, withdraw, replace, attach: the owner's focal points and the coordinator.</summary>
    public bool MayManage(int owningParticipantId) =>
        IsCoordinator || (MayPublish && Owns(owningParticipantId));

    /// <summary>
    /// Whether this reader sees who published a posting's versions in full, with their own e-mail address: the
    /// coordinator and the owner's accounts. Every other reader sees the name only; the posting's public contact is
    /// its contact point.
    /// </summary>
    public bool SeesPublisherDetails(int owningParticipantId) => IsCoordinator || Owns(owningParticipantId);

    /// <summary>Whether a posting of this visibility and owner is open to this reader once published.</summary>
    public bool MaySee(Visibility visibility, int owningParticipantId) =>
        SeesStatesOnly || visibility == Visibility.StatesAndObservers || Owns(owningParticipantId);
}

/// <summary>
/// Everything that decides which published postings a reader sees: States and the coordinator share one audience;
/// anonymous observers (entry code) share another; each organisation's accounts have their own, with its postings.
/// </summary>
public sealed record ReaderAudience(bool StatesOnly, int? Owner);

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
    public static IQueryable<Posting> VisibleTo(this IQueryable<Posting> postings, Reader reader, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var current = postings.Where(p => p.Status == PostingStatus.Published && p.ValidUntil > now);
        return reader.SeesStatesOnly ? current
            : reader.OwnParticipantId is int own
                ? current.Where(p => p.Visibility == Visibility.StatesAndObservers || p.ParticipantId == own)
                : current.Where(p => p.Visibility == Visibility.StatesAndObservers);
    }

    /// <summary>Whether this reader may open the posting's page: visible to them, or theirs to manage.</summary>
    public static bool CanRead(this Reader reader, Posting posting, DateTimeOffset now) =>
        reader.MayManage(posting.ParticipantId)
        || (posting.Status == PostingStatus.Published && posting.ValidUntil > now
            && reader.MaySee(posting.Visibility, posting.ParticipantId));
}
