using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Portal.Data;

namespace Portal.Features.Postings;

/// <summary>The words people read for each code, in one place for forms, filters, pages and e-mails.</summary>
public static class PostingLabels
{
    public static readonly CcmAreas[] AllAreas = [.. Enum.GetValues<CcmAreas>().Where(a => a != CcmAreas.None)];
    public static readonly AssistanceTypes[] AllAssistanceTypes = [.. Enum.GetValues<AssistanceTypes>().Where(a => a != AssistanceTypes.None)];
    /// <summary>Global, then each M49 region followed by its sub-regions (<see cref="M49Regions.InOrder"/>).</summary>
    public static readonly Regions[] AllRegions = M49Regions.InOrder;

    /// <summary>Currencies offered for an indicative budget: those the Convention's donors and affected States use.</summary>
    public static readonly string[] Currencies =
        ["USD", "EUR", "CHF", "GBP", "NOK", "SEK", "DKK", "JPY", "AUD", "CAD", "NZD", "LAK", "LBP", "IQD", "XOF", "XAF"];

    public static string Label(this PostingKind kind) => kind switch
    {
        PostingKind.Need => "Need",
        PostingKind.Offer => "Offer",
        PostingKind.Experience => "Experience",
        _ => kind.ToString(),
    };

    /// <summary>"a need", "an offer", "an experience": the kind as it follows a verb.</summary>
    public static string WithArticle(PostingKind kind) => kind switch
    {
        PostingKind.Need => "a need",
        PostingKind.Offer => "an offer",
        PostingKind.Experience => "an experience",
        _ => kind.ToString(),
    };

    public static string Plural(this PostingKind kind) => kind switch
    {
        PostingKind.Need => "Needs",
        PostingKind.Offer => "Offers",
        PostingKind.Experience => "Experiences",
        _ => kind.ToString(),
    };

    public static string Label(this CcmAreas area) => area switch
    {
        CcmAreas.StockpileDestruction => "Stockpile destruction (Art. 3)",
        CcmAreas.ClearanceAndRiskEducation => "Clearance and risk reduction education (Art. 4)",
        CcmAreas.VictimAssistance => "Victim assistance (Art. 5)",
        CcmAreas.CooperationAndAssistance => "Cooperation and assistance (Art. 6)",
        CcmAreas.Transparency => "Transparency (Art. 7)",
        CcmAreas.NationalImplementation => "National implementation measures (Art. 9)",
        CcmAreas.Universalization => "Universalization (Art. 21)",
        CcmAreas.CapacityBuilding => "Capacity building",
        CcmAreas.InformationManagement => "Information management",
        CcmAreas.GenderAndDiversity => "Gender and diversity",
        _ => area.ToString(),
    };

    public static string Label(this AssistanceTypes type) => type switch
    {
        AssistanceTypes.Financial => "Financial",
        AssistanceTypes.Technical => "Technical",
        AssistanceTypes.Equipment => "Equipment",
        AssistanceTypes.Training => "Training",
        AssistanceTypes.Expertise => "Expertise",
        AssistanceTypes.Legal => "Legal",
        _ => type.ToString(),
    };

    /// <summary>
    /// The M49 name of a region or sub-region, except "South-East Asia", the Convention's own usage for M49's
    /// "South-eastern Asia".
    /// </summary>
    public static string Label(this Regions region) => region switch
    {
        Regions.Global => "Global",
        Regions.SouthEasternAsia => "South-East Asia",
        _ when M49Regions.IsSubregion(region) => M49Regions.M49Name(region),
        _ => region.ToString(),
    };

    /// <summary>The region as it follows a preposition: "the Americas", "South-East Asia".</summary>
    public static string Place(this Regions region) => region == Regions.Americas ? "the Americas" : region.Label();

    public static string Label(this Visibility visibility) => visibility switch
    {
        Visibility.StatesOnly => "States only",
        Visibility.StatesAndObservers => "States and observers",
        _ => visibility.ToString(),
    };

    public static string Label(this PostingStatus status) => status switch
    {
        PostingStatus.Draft => "Draft",
        PostingStatus.Published => "Published",
        PostingStatus.Withdrawn => "Withdrawn",
        PostingStatus.Replaced => "Replaced",
        _ => status.ToString(),
    };

    /// <summary>"Victim assistance (Art. 5), Gender and diversity" for a set of flags.</summary>
    public static string Join<T>(T flags, Func<T, string> label)
        where T : struct, Enum =>
        string.Join(", ", Enum.GetValues<T>()
            .Where(f => Convert.ToInt64(f, CultureInfo.InvariantCulture) != 0 && flags.HasFlag(f))
            .Select(label));

    public static string Budget(decimal? amount, string? currency) =>
        amount is null ? "" : $"{currency} {amount.Value.ToString("#,0.##", CultureInfo.InvariantCulture)}".Trim();

    /// <summary>A date people read: "23 November 2026".</summary>
    public static string Date(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Whether a value from a URL or form can be a participant or country code at all (and is safe to query).</summary>
    public static bool IsCode([NotNullWhen(true)] string? value) =>
        value is { Length: > 0 and <= 40 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
