using Portal.Data;

namespace Portal.Features.Catalogue;

/// <summary>The words shown for the catalogue's values: one place for all of them (a cooperation's role and modalities: <c>CooperationLabels</c>).</summary>
public static class ContributionLabels
{
    public static readonly CcmProvisions[] AllProvisions =
        [CcmProvisions.Article3, CcmProvisions.Article4, CcmProvisions.Article5, CcmProvisions.Article6, CcmProvisions.Article7, CcmProvisions.Article9, CcmProvisions.Article21, CcmProvisions.CrossCutting];

    public static string Status(ContributionStatus status) => status switch
    {
        ContributionStatus.Draft => "Draft",
        ContributionStatus.Submitted => "Submitted",
        ContributionStatus.RevisionRequested => "Revision requested",
        ContributionStatus.Accepted => "Accepted",
        ContributionStatus.Withdrawn => "Withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Label(this CcmProvisions provision) => provision switch
    {
        CcmProvisions.Article3 => "Article 3: storage and stockpile destruction",
        CcmProvisions.Article4 => "Article 4: clearance and destruction of remnants, risk reduction education",
        CcmProvisions.Article5 => "Article 5: victim assistance",
        CcmProvisions.Article6 => "Article 6: international cooperation and assistance",
        CcmProvisions.Article7 => "Article 7: transparency measures",
        CcmProvisions.Article9 => "Article 9: national implementation measures",
        CcmProvisions.Article21 => "Article 21: relations with States not party",
        CcmProvisions.CrossCutting => "Cross-cutting",
        _ => throw new ArgumentOutOfRangeException(nameof(provision)),
    };

    /// <summary>The short name used for chapter groups and lists ("Article 4").</summary>
    public static string ShortLabel(this CcmProvisions provision) => provision == CcmProvisions.CrossCutting
        ? "Cross-cutting"
        : provision.Label()[..provision.Label().IndexOf(':', StringComparison.Ordinal)];

    public static IEnumerable<CcmProvisions> Each(this CcmProvisions set) => AllProvisions.Where(p => set.HasFlag(p));

    /// <summary>"Article 4, Article 5" for the chapter facts.</summary>
    public static string List(CcmProvisions set) => string.Join(", ", set.Each().Select(p => p.ShortLabel()));
}
