using Portal.Data;
using Portal.Features.Cooperation;

namespace Portal.Features.Postings;

/// <summary>
/// The rules for a posting's role and modalities (<see cref="CooperationRole"/>, <see cref="CooperationModalities"/>),
/// said once for the form, the search and the exports. Only offers and experiences have them: a need asks, it plays no
/// part in a cooperation yet. An offer's role is the giver's; an experience's may be any.
/// </summary>
public static class PostingCooperation
{
    private static readonly CooperationRole[] Giving = [CooperationRole.Donor, CooperationRole.Both, CooperationRole.Implementer];

    public static bool HasCooperation(PostingKind kind) => kind is PostingKind.Offer or PostingKind.Experience;

    /// <summary>The roles a posting of this kind may state, in the form's order; none for a need.</summary>
    public static IReadOnlyList<CooperationRole> RolesFor(PostingKind kind) => kind switch
    {
        PostingKind.Offer => Giving,
        PostingKind.Experience => CooperationLabels.AllRoles,
        _ => [],
    };

    /// <summary>
    /// The roles the search's role filter finds: "donor" and "recipient" also find those that were both, "both" and
    /// "implementer" only themselves.
    /// </summary>
    public static IReadOnlyList<CooperationRole> FoundBy(CooperationRole role) => role switch
    {
        CooperationRole.Donor or CooperationRole.Recipient => [role, CooperationRole.Both],
        _ => [role],
    };
}
