using Portal.Data;

namespace Portal.Features.Catalogue;

/// <summary>The words the versions page shows for kinds of versions and the fate of the editors' proposals.</summary>
public static class CopyEditLabels
{
    public static string Label(this ContributionVersionKind kind) => kind switch
    {
        ContributionVersionKind.Submitted => "Submitted by the State",
        ContributionVersionKind.CopyEdit => "Copy-edit signed off by the State",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Label(this ContributionEditStatus status) => status switch
    {
        ContributionEditStatus.Proposed => "Waiting for the State's sign-off",
        ContributionEditStatus.SignedOff => "Signed off",
        ContributionEditStatus.Declined => "Declined",
        ContributionEditStatus.Superseded => "Replaced before an answer",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
