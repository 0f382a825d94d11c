using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Portal.Data;
using Portal.Features.OpenData;
using Portal.Features.Participants;
using Portal.Features.Postings;
using Portal.Infrastructure;

namespace Portal.Tests.Unit;

/// <summary>The open-data files' promises that need no database: codes, columns, cells, and IATI against our schema subset.</summary>
public class OpenDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 8, 55, 0, TimeSpan.Zero);

    [Fact]
    public void EveryStateOfStatesCsv_HasAnIsoAlpha2Code()
    {
        var (rows, _, _) = StatesFile.Read(Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "states.csv"));
        Assert.All(rows, r => Assert.Matches("^[A-Z]{2}$", CountryCodes.Alpha2(r.Iso3) ?? ""));
        Assert.Equal("LA", CountryCodes.Alpha2("LAO"));
        Assert.Equal("CH", CountryCodes.Alpha2("CHE"));
        Assert.Null(CountryCodes.Alpha2("ngo-watch"));
    }

    [Fact]
    public void ColumnNamesAndCodes_StayAsDocumented()
    {
        // Whoever reads the files relies on these: a change here is a change of the published format.
        Assert.Equal(
            ["id", "url", "kind", "title", "summary", "participant_code", "participant_name", "participant_type", "is_sample",
             "visibility", "ccm_areas", "assistance_types", "regions_m49", "countries_iso3", "budget_amount", "budget_currency",
             "period", "application_deadline", "published_at", "valid_until", "role", "modalities"],
            ExportColumns.All.Select(c => c.Name));
        Assert.All(ExportColumns.All, c => Assert.Matches("^[a-z0-9_]+$", c.Name));
        Assert.Equal(
            ["stockpile_destruction", "clearance_and_risk_education", "victim_assistance", "cooperation_and_assistance",
             "transparency", "national_implementation", "universalization", "capacity_building", "information_management",
             "gender_and_diversity"],
            Enum.GetValues<CcmAreas>().Where(a => a != CcmAreas.None).Select(a => ExportColumns.Code(a)));
        Assert.Equal(["001", "002", "019", "142", "150", "009"], ExportColumns.M49Codes((Regions)63));
        var every = PostingLabels.AllRegions.Select(ExportColumns.M49).ToList();
        Assert.Equal(every.Count, every.Distinct().Count());
        Assert.All(every, code => Assert.Matches("^[0-9]{3}$", code));
        Assert.Equal("states_and_observers", ExportColumns.Code(Visibility.StatesAndObservers));
        Assert.Equal("international_organisation", ExportColumns.Code(ParticipantKind.InternationalOrganisation));
        Assert.Equal(["donor", "recipient", "both", "implementer"], Enum.GetValues<CooperationRole>().Select(r => ExportColumns.Code(r)));
        Assert.Equal(
            ["bilateral", "regional", "multilateral", "with_organisations", "south_south", "triangular"],
            Enum.GetValues<CooperationModalities>().Where(m => m != CooperationModalities.None).Select(m => ExportColumns.Code(m)));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [InlineData("+1 555", "'+1 555")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("Plain, with comma", "\"Plain, with comma\"")]
    [InlineData("Line\nbreak", "\"Line\nbreak\"")]
    [InlineData("a = b", "a = b")]
    public void CsvField_GuardsFormulasAndQuotesPerRfc4180(string value, string written) =>
        Assert.Equal(written, CsvField.Write(value));

    [Fact]
    public void Shares_AddUpToExactlyOneHundred()
    {
        Assert.Equal([100m], IatiActivities.Shares(1));
        Assert.Equal([33.33m, 33.33m, 33.34m], IatiActivities.Shares(3));
        Assert.All(Enumerable.Range(1, 12), n => Assert.Equal(100m, IatiActivities.Shares(n).Sum()));
    }

    [Fact]
    public void Sectors_FollowTheTable_AndFallBackToMineAction()
    {
        Assert.Equal(["15250"], IatiCodes.Sectors(CcmAreas.StockpileDestruction | CcmAreas.ClearanceAndRiskEducation));
        Assert.Equal(["15250", "12191", "16010"], IatiCodes.Sectors(CcmAreas.VictimAssistance));
        Assert.Equal(["15130"], IatiCodes.Sectors(CcmAreas.NationalImplementation));
        Assert.Equal(["15250"], IatiCodes.Sectors(CcmAreas.GenderAndDiversity));
        Assert.Equal(["1"], IatiCodes.PolicyMarkers(CcmAreas.GenderAndDiversity));
        Assert.All(IatiCodes.Areas.SelectMany(a => a.Sectors), s => Assert.True(IatiCodes.SectorNames.ContainsKey(s)));
        Assert.Equal(Enum.GetValues<CcmAreas>().Length - 1, IatiCodes.Areas.Count);
    }

    [Fact]
    public void Roles_SayWhatThePostingSays()
    {
        Assert.Equal(["1"], IatiCodes.Roles(Row(PostingKind.Offer, types: AssistanceTypes.Financial)));
        Assert.Equal(["1"], IatiCodes.Roles(Row(PostingKind.Offer, types: AssistanceTypes.None)));
        Assert.Equal(["1", "4"], IatiCodes.Roles(Row(PostingKind.Offer, types: AssistanceTypes.Financial | AssistanceTypes.Training)));
        Assert.Equal(["4"], IatiCodes.Roles(Row(PostingKind.Offer, types: AssistanceTypes.Technical)));
        Assert.Equal(["2", "4"], IatiCodes.Roles(Row(PostingKind.Experience, participant: "LAO", countries: ["LAO"], types: AssistanceTypes.Training)));
        Assert.Equal(["2"], IatiCodes.Roles(Row(PostingKind.Experience, participant: "LAO", countries: ["LAO"], types: AssistanceTypes.None)));
        Assert.Equal(["4"], IatiCodes.Roles(Row(PostingKind.Experience, participant: "DEU", countries: ["LAO"], types: AssistanceTypes.None)));

        // The role a posting states says it, whatever the types of assistance would suggest.
        Assert.Equal(["1"], IatiCodes.Roles(Row(PostingKind.Offer, types: AssistanceTypes.Training, role: CooperationRole.Donor)));
        Assert.Equal(["2"], IatiCodes.Roles(Row(PostingKind.Experience, participant: "DEU", countries: ["LAO"], role: CooperationRole.Recipient)));
        Assert.Equal(["1", "2"], IatiCodes.Roles(Row(PostingKind.Experience, types: AssistanceTypes.Training, role: CooperationRole.Both)));
        Assert.Equal(["4"], IatiCodes.Roles(Row(PostingKind.Offer, types: AssistanceTypes.Financial, role: CooperationRole.Implementer)));
    }

    [Fact]
    public void Iati_IsValidAgainstOurSchemaSubset_InTheSchemaOrder_WithHostileTextKeptExactly()
    {
        // An emoji is two UTF-16 units that XML holds as one character; a control character and a lone surrogate it cannot hold.
        var hostile = "<script>alert(\"x\")</script> & 'quotes' =1+2 \u0001🙂\uD800";
        var rows = new[]
        {
            Row(PostingKind.Offer, title: hostile, types: AssistanceTypes.Financial | AssistanceTypes.Technical, areas: CcmAreas.VictimAssistance | CcmAreas.GenderAndDiversity,
                countries: ["LAO", "VNM"], chosen: Regions.Global, budget: 250000.50m, period: "2027–2028"),
            Row(PostingKind.Experience, participant: "LAO", countries: ["LAO"], period: "2019 to 2022"),
            Row(PostingKind.Experience, participant: "DEU", countries: [], areas: CcmAreas.None, period: null),
            Row(PostingKind.Need, title: "A need is no activity"),
        };
        var xml = IatiActivities.Write(new ExportBatch(rows, IsCut: false, Now));

        var document = ValidIati(xml);
        var activities = document.Root!.Elements("iati-activity").ToList();
        Assert.Equal(3, activities.Count);
        var offer = activities[0];
        Assert.Equal("CCMPORTAL-LAO-1", offer.Element("iati-identifier")!.Value);
        Assert.Equal("<script>alert(\"x\")</script> & 'quotes' =1+2 🙂", offer.Element("title")!.Element("narrative")!.Value);
        Assert.Equal(
            ["iati-identifier", "reporting-org", "title", "description", "participating-org", "participating-org", "activity-status",
             "activity-date", "activity-date", "recipient-country", "recipient-country", "recipient-region", "sector", "sector", "sector",
             "policy-marker", "policy-marker", "budget"],
            offer.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["LA", "VN"], offer.Elements("recipient-country").Select(e => e.Attribute("code")!.Value));
        Assert.Equal(["33.33", "33.33", "33.34"], offer.Elements().Where(e => e.Name.LocalName.StartsWith("recipient-", StringComparison.Ordinal)).Select(e => e.Attribute("percentage")!.Value));
        Assert.Equal("001", offer.Element("recipient-region")!.Attribute("code")!.Value);
        Assert.Equal(["1", "4"], offer.Elements("participating-org").Select(e => e.Attribute("role")!.Value));
        Assert.Equal("1", offer.Element("activity-status")!.Attribute("code")!.Value);
        Assert.Equal(["1:2027-01-01", "3:2028-12-31"], offer.Elements("activity-date").Select(e => e.Attribute("type")!.Value + ":" + e.Attribute("iso-date")!.Value));
        var budget = offer.Element("budget")!;
        Assert.Equal("250000.5", budget.Element("value")!.Value);
        Assert.Equal("USD", budget.Element("value")!.Attribute("currency")!.Value);

        var closed = activities[1];
        Assert.Equal("4", closed.Element("activity-status")!.Attribute("code")!.Value);
        Assert.Equal(["2:2019-01-01", "4:2022-12-31"], closed.Elements("activity-date").Select(e => e.Attribute("type")!.Value + ":" + e.Attribute("iso-date")!.Value));
        Assert.Equal(["2", "4"], closed.Elements("participating-org").Select(e => e.Attribute("role")!.Value));
        Assert.Empty(closed.Elements("budget"));

        var undated = activities[2];
        Assert.Equal("2", undated.Element("activity-status")!.Attribute("code")!.Value);
        Assert.Equal(["2:2026-11-01"], undated.Elements("activity-date").Select(e => e.Attribute("type")!.Value + ":" + e.Attribute("iso-date")!.Value));
        Assert.Equal(["15250"], undated.Elements("sector").Select(e => e.Attribute("code")!.Value));
    }

    [Fact]
    public void OurSchemaSubset_RefusesWhatTheOfficialSchemaRefuses()
    {
        var valid = IatiActivities.Write(new ExportBatch([Row(PostingKind.Offer)], IsCut: false, Now));
        ValidIati(valid);
        var text = System.Text.Encoding.UTF8.GetString(valid);

        // Out of order, a required element missing, a date that is no date: each breaks the official rules too.
        Assert.Throws<XmlSchemaValidationException>(() => ValidIati(Swap(text, "activity-status", "activity-date")));
        Assert.Throws<XmlSchemaValidationException>(() => ValidIati(System.Text.RegularExpressions.Regex.Replace(text, "<title>.*?</title>", "", System.Text.RegularExpressions.RegexOptions.Singleline)));
        Assert.Throws<XmlSchemaValidationException>(() => ValidIati(text.Replace("iso-date=\"2026-11-01\"", "iso-date=\"1 November 2026\"", StringComparison.Ordinal)));
    }

    /// <summary>Parses and validates against tests/Portal.Tests/OpenData/iati-activities-subset.xsd, our subset (not the official file).</summary>
    public static XDocument ValidIati(byte[] xml) => ValidIati(System.Text.Encoding.UTF8.GetString(xml).TrimStart('\uFEFF'));

    public static XDocument ValidIati(string xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "OpenData", "iati-activities-subset.xsd"));
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => throw new XmlSchemaValidationException(e.Message, e.Exception);
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        return XDocument.Load(reader);
    }

    private static string Swap(string xml, string first, string second)
    {
        var a = xml.IndexOf("<" + first, StringComparison.Ordinal);
        var aEnd = xml.IndexOf('\n', a);
        var b = xml.IndexOf("<" + second, StringComparison.Ordinal);
        var bEnd = xml.IndexOf('\n', b);
        return xml[..a] + xml[b..bEnd] + xml[aEnd..b] + xml[a..aEnd] + xml[bEnd..];
    }

    private static ExportRow Row(
        PostingKind kind, string title = "Prosthetics workshop", string participant = "LAO", string[]? countries = null,
        AssistanceTypes types = AssistanceTypes.Equipment, CcmAreas areas = CcmAreas.VictimAssistance, Regions chosen = Regions.None,
        decimal? budget = null, string? period = null, CooperationRole? role = null,
        CooperationModalities modalities = CooperationModalities.None) => new(
        1, "http://portal.test/Postings/1", kind, title, "A summary of thirty characters or more.", participant, participant + " name",
        ParticipantKind.State, IsSample: false, Visibility.StatesAndObservers, areas, types, Regions.Asia | chosen, chosen,
        countries ?? ["LAO"], budget, budget is null ? null : "USD", period, null,
        new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 11, 1, 10, 0, 0, TimeSpan.Zero), role, modalities);
}
