using Portal.Data;

namespace Portal.Features.Cooperation;

/// <summary>
/// The words shown for a cooperation's role and modalities, in one place for the catalogue's contributions and the
/// postings (forms, filters, pages).
/// </summary>
public static class CooperationLabels
{
    public static readonly CooperationRole[] AllRoles =
        [CooperationRole.Donor, CooperationRole.Recipient, CooperationRole.Both, CooperationRole.Implementer];

    public static readonly CooperationModalities[] AllModalities =
        [CooperationModalities.Bilateral, CooperationModalities.Regional, CooperationModalities.Multilateral, CooperationModalities.WithOrganisations, CooperationModalities.SouthSouth, CooperationModalities.Triangular];

    public static string Label(this CooperationRole role) => role switch
    {
        CooperationRole.Donor => "Donor",
        CooperationRole.Recipient => "Recipient",
        CooperationRole.Both => "Both donor and recipient",
        CooperationRole.Implementer => "Implementer",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string Label(this CooperationModalities modality) => modality switch
    {
        CooperationModalities.Bilateral => "Bilateral",
        CooperationModalities.Regional => "Regional",
        CooperationModalities.Multilateral => "Multilateral",
        CooperationModalities.WithOrganisations => "With international organisations or civil society",
        CooperationModalities.SouthSouth => "South-South",
        CooperationModalities.Triangular => "Triangular",
        _ => throw new ArgumentOutOfRangeException(nameof(modality)),
    };

    public static IEnumerable<CooperationModalities> Each(this CooperationModalities set) => AllModalities.Where(m => set.HasFlag(m));

    /// <summary>"Bilateral, South-South" for a set of modalities.</summary>
    public static string List(CooperationModalities set) => string.Join(", ", set.Each().Select(m => m.Label()));
}
