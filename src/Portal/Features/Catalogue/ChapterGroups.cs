using Portal.Data;

namespace Portal.Features.Catalogue;

/// <summary>The groups chapters fall into in the book: by CCM provision or by region, as the editors chose.</summary>
public static class ChapterGroups
{
    /// <summary>Where an accepted contribution goes first: its first provision, or its participant's region.</summary>
    public static string Default(Contribution contribution, ChapterGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        return grouping switch
        {
            ChapterGrouping.Region => contribution.Participant?.Region ?? "Other regions",
            _ => contribution.Provisions.Each().Select(p => p.ShortLabel()).FirstOrDefault() ?? "Cross-cutting",
        };
    }

    /// <summary>The groups an editor may choose from for this grouping.</summary>
    public static IReadOnlyList<string> Choices(ChapterGrouping grouping, IEnumerable<string> regions) => grouping switch
    {
        ChapterGrouping.Region => regions.Distinct().Order(StringComparer.Ordinal).Append("Other regions").ToList(),
        _ => ContributionLabels.AllProvisions.Select(p => p.ShortLabel()).ToList(),
    };
}
