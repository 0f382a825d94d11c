using Portal.Data;

namespace Portal.Features.OpenData;

/// <summary>A CCM area in IATI terms: OECD DAC CRS purpose codes (sector vocabulary 1) and DAC policy markers.</summary>
public sealed record AreaInIati(CcmAreas Area, IReadOnlyList<string> Sectors, string? PolicyMarker, string Why);

/// <summary>
/// How the IATI export says what a posting says, in one place: sectors from CCM areas, organisation types and roles.
/// The page /Postings/OpenData prints these tables, so the documentation cannot drift from the code.
/// </summary>
public static class IatiCodes
{
    /// <summary>Every posting concerns cluster munitions: without an area that names a sector, this one.</summary>
    public const string MineAction = "15250";

    public static readonly IReadOnlyDictionary<string, string> SectorNames = new Dictionary<string, string>
    {
        [MineAction] = "Removal of land mines and explosive remnants of war",
        ["12191"] = "Medical services",
        ["16010"] = "Social protection",
        ["15130"] = "Legal and judicial development",
        ["15220"] = "Civilian peace-building, conflict prevention and resolution",
    };

    public static readonly IReadOnlyDictionary<string, string> PolicyMarkerNames = new Dictionary<string, string>
    {
        ["1"] = "Gender equality",
        ["11"] = "Disability",
    };

    /// <summary>The sector table. CRS 15250 covers clearance, stockpile destruction, risk education and assistance to victims.</summary>
    public static readonly IReadOnlyList<AreaInIati> Areas =
    [
        new(CcmAreas.StockpileDestruction, [MineAction], null, "CRS 15250 names stockpile destruction."),
        new(CcmAreas.ClearanceAndRiskEducation, [MineAction], null, "CRS 15250 names clearance, risk education and awareness raising."),
        new(CcmAreas.VictimAssistance, [MineAction, "12191", "16010"], "11",
            "CRS 15250 names assistance to victims; 12191 (which holds medical rehabilitation) and 16010 (social protection, including for persons with disabilities) say what the assistance is; marked as aimed at disability."),
        new(CcmAreas.CooperationAndAssistance, [MineAction], null, "Article 6 cooperation serves the Convention's mine action."),
        new(CcmAreas.Transparency, [MineAction], null, "Article 7 reports account for the Convention's mine action."),
        new(CcmAreas.NationalImplementation, ["15130"], null, "Article 9 measures are laws and regulations."),
        new(CcmAreas.Universalization, ["15220"], null, "Bringing States to the Convention is conflict-prevention diplomacy."),
        new(CcmAreas.CapacityBuilding, [MineAction], null, "Capacity of national mine action programmes."),
        new(CcmAreas.InformationManagement, [MineAction], null, "Mine action information management."),
        new(CcmAreas.GenderAndDiversity, [], "1", "A cross-cutting aim, not a sector: a DAC gender-equality policy marker."),
    ];

    /// <summary>The distinct sector codes of a posting's areas, in the table's order; 15250 when none names one.</summary>
    public static IReadOnlyList<string> Sectors(CcmAreas areas)
    {
        List<string> codes = [.. Areas.Where(a => areas.HasFlag(a.Area)).SelectMany(a => a.Sectors).Distinct()];
        return codes.Count > 0 ? codes : [MineAction];
    }

    public static IReadOnlyList<string> PolicyMarkers(CcmAreas areas) =>
        [.. Areas.Where(a => areas.HasFlag(a.Area) && a.PolicyMarker is not null).Select(a => a.PolicyMarker!).Distinct()];

    /// <summary>IATI OrganisationType: 10 Government, 40 Multilateral, 21 International NGO.</summary>
    public static string OrganisationType(ParticipantKind kind) => kind switch
    {
        ParticipantKind.State => "10",
        ParticipantKind.InternationalOrganisation => "40",
        _ => "21",
    };

    /// <summary>
    /// The publishing participant's roles (IATI OrganisationRole: 1 Funding, 2 Accountable, 4 Implementing; 3 Extending is
    /// never said by a posting). The role the posting states says it: a donor funds, a recipient is accountable, an
    /// implementer implements, and one that was both funds and is accountable. Without one, they are read from what the
    /// posting says: a State's experience in its own country, accountable; financial assistance, funding; any other type
    /// (technical, equipment, training, expertise, legal), implementing. An offer that names no type is taken as funding;
    /// an experience that names none, from elsewhere, as implementing.
    /// </summary>
    public static IReadOnlyList<string> Roles(ExportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Role is CooperationRole stated)
        {
            return stated switch
            {
                CooperationRole.Donor => ["1"],
                CooperationRole.Recipient => ["2"],
                CooperationRole.Both => ["1", "2"],
                CooperationRole.Implementer => ["4"],
                _ => throw new ArgumentOutOfRangeException(nameof(row), stated, "Not a role."),
            };
        }

        var financial = row.Types.HasFlag(AssistanceTypes.Financial);
        var inKind = (row.Types & ~AssistanceTypes.Financial) != AssistanceTypes.None;
        var ownCountry = row.Kind == PostingKind.Experience && row.Countries.Contains(row.ParticipantCode);
        List<string> roles = [];
        if (ownCountry)
        {
            roles.Add("2");
        }

        if (financial || (row.Kind == PostingKind.Offer && !inKind))
        {
            roles.Add("1");
        }

        if (inKind || (row.Kind == PostingKind.Experience && !financial && !ownCountry))
        {
            roles.Add("4");
        }

        return roles;
    }
}
