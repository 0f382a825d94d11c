using System.Globalization;
using System.Text;
using Portal.Data;
using Portal.Features.Cooperation;
using Portal.Features.Postings;

namespace Portal.Features.OpenData;

/// <summary>One posting as the exports write it: the structured core, in codes rather than the page's labels.</summary>
public sealed record ExportRow(
    int Id, string Url, PostingKind Kind, string Title, string Summary, string ParticipantCode, string ParticipantName,
    ParticipantKind ParticipantKind, bool IsSample, Visibility Visibility, CcmAreas Areas, AssistanceTypes Types,
    Regions Regions, Regions ChosenRegions, IReadOnlyList<string> Countries, decimal? Budget, string? Currency,
    string? Period, DateOnly? ApplicationDeadline, DateTimeOffset PublishedAt, DateTimeOffset ValidUntil,
    CooperationRole? Role, CooperationModalities Modalities);

/// <summary>
/// A column of the CSV and JSON exports. The value is a string, number, boolean, ISO 8601 date or date-time, a list of
/// codes (a JSON array; in CSV joined with ";") or null (an empty CSV field).
/// </summary>
public sealed record ExportColumn(string Name, string Type, string Description, Func<ExportRow, object?> Value);

/// <summary>
/// The columns of the CSV and JSON exports, said once: the files, the JSON's "columns" and the page that documents them
/// (/Postings/OpenData) all read this list. Names and codes are part of the portal's promise to whoever reads the files:
/// add columns at the end, never rename one (<c>ExportColumnsTests</c> holds them).
/// </summary>
public static class ExportColumns
{
    public static readonly IReadOnlyList<ExportColumn> All =
    [
        new("id", "integer", "The posting's number on the portal; it stays the same through edits and renewals.", r => r.Id),
        new("url", "URL", "The posting's page, with its full text, contact point and attachments (readable with access to the portal).", r => r.Url),
        new("kind", "code", "need, offer or experience.", r => Code(r.Kind)),
        new("title", "text", "The title, as published.", r => r.Title),
        new("summary", "text", "The summary, as published.", r => r.Summary),
        new("participant_code", "code", "Who published it: the ISO 3166-1 alpha-3 code of a State, or the portal's short name of an organisation.", r => r.ParticipantCode),
        new("participant_name", "text", "The name of the State or organisation that published it.", r => r.ParticipantName),
        new("participant_type", "code", "state, international_organisation or ngo.", r => Code(r.ParticipantKind)),
        new("is_sample", "boolean", "true for the sample postings a demonstration portal shows (marked \"Sample\" on its pages), otherwise false.", r => r.IsSample),
        new("visibility", "code", "states_only (States and the ISU only) or states_and_observers.", r => Code(r.Visibility)),
        new("ccm_areas", "list of codes", "The CCM areas it concerns: " + string.Join(", ", PostingLabels.AllAreas.Select(a => Code(a))) + ".", r => Codes(r.Areas)),
        new("assistance_types", "list of codes", "The types of assistance: " + string.Join(", ", PostingLabels.AllAssistanceTypes.Select(t => Code(t))) + ".", r => Codes(r.Types)),
        new("regions_m49", "list of codes", "UN M49 codes of the regions it concerns, chosen or of its countries: " + string.Join(", ", PostingLabels.AllRegions.Select(g => $"{M49(g)} {g.Label()}")) + ".", r => M49Codes(r.Regions)),
        new("countries_iso3", "list of codes", "ISO 3166-1 alpha-3 codes of the countries concerned.", r => r.Countries),
        new("budget_amount", "decimal", "The budget or amount, when the posting gives one (a full stop before decimals, no thousands separator).", r => Amount(r.Budget)),
        new("budget_currency", "code", "ISO 4217 code of the budget's currency.", r => r.Currency),
        new("period", "text", "The period the posting names, in its own words.", r => r.Period),
        new("application_deadline", "date", "An offer's last day to apply (Geneva time), when it has one.", r => r.ApplicationDeadline),
        new("published_at", "date-time", "When the current version was published (UTC).", r => r.PublishedAt),
        new("valid_until", "date-time", "When the posting expires unless renewed (UTC).", r => r.ValidUntil),
        new("role", "code", "The part its publisher plays or played, when an offer or experience states it: " + string.Join(", ", CooperationLabels.AllRoles.Select(r => Code(r))) + "; both is both donor and recipient. A need has none.", r => r.Role is { } role ? Code(role) : null),
        new("modalities", "list of codes", "How the cooperation is or was organised, when an offer or experience states it: " + string.Join(", ", CooperationLabels.AllModalities.Select(m => Code(m))) + "; with_organisations is with international organisations or civil society.", r => Codes(r.Modalities)),
    ];

    /// <summary>
    /// An amount without trailing zeros: PostgreSQL keeps the column's scale (250000.50), SQLite does not (250000.5), and
    /// a file must not depend on the database.
    /// </summary>
    public static decimal? Amount(decimal? amount) => amount is decimal a
        ? decimal.Parse(a.ToString("0.############################", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
        : null;

    /// <summary>The UN M49 code of a region or sub-region; "Global" is 001, the world.</summary>
    public static string M49(Regions region) => region switch
    {
        Regions.Africa => "002",
        Regions.Americas => "019",
        Regions.Asia => "142",
        Regions.Europe => "150",
        Regions.Oceania => "009",
        Regions.Global => "001",
        Regions.NorthernAfrica => "015",
        Regions.SubSaharanAfrica => "202",
        Regions.LatinAmericaAndTheCaribbean => "419",
        Regions.NorthernAmerica => "021",
        Regions.CentralAsia => "143",
        Regions.EasternAsia => "030",
        Regions.SouthEasternAsia => "035",
        Regions.SouthernAsia => "034",
        Regions.WesternAsia => "145",
        Regions.EasternEurope => "151",
        Regions.NorthernEurope => "154",
        Regions.SouthernEurope => "039",
        Regions.WesternEurope => "155",
        Regions.AustraliaAndNewZealand => "053",
        Regions.Melanesia => "054",
        Regions.Micronesia => "057",
        Regions.Polynesia => "061",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Not one region."),
    };

    public static IReadOnlyList<string> M49Codes(Regions regions) =>
        [.. PostingLabels.AllRegions.Where(g => regions.HasFlag(g)).Select(M49)];

    /// <summary>The export's code of an enum value: its name in snake_case (VictimAssistance: victim_assistance).</summary>
    public static string Code<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var code = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && code.Length > 0)
            {
                code.Append('_');
            }

            code.Append(char.ToLowerInvariant(c));
        }

        return code.ToString();
    }

    private static IReadOnlyList<string> Codes<T>(T flags)
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Where(f => Convert.ToInt64(f, CultureInfo.InvariantCulture) != 0 && flags.HasFlag(f)).Select(f => Code(f))];
}
