using System.Linq.Expressions;
using Portal.Data;

namespace Portal.Features.Postings;

/// <summary>Who is e-mailed about a participant's postings: its focal points that can sign in.</summary>
public static class PostingRecipients
{
    public static Expression<Func<PortalUser, bool>> FocalPointsOf(int participantId) =>
        u => u.ParticipantId == participantId && u.Role == PortalRole.FocalPoint && !u.IsDisabled && u.IsActivated;
}
