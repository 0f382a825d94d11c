using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Portal.Data;

namespace Portal.Features.OpenData;

/// <summary>
/// The IATI export: offers and experiences as IATI 2.03 activities (<c>iati-activities version="2.03"</c>), each with
/// the elements the standard requires, in the schema's order: iati-identifier, reporting-org, title, description,
/// participating-org, activity-status, activity-date, then recipient-country, recipient-region, sector, policy-marker and
/// budget where the posting says them. The publishing participant is the reporting organisation. Codes: <see cref="IatiCodes"/>.
/// </summary>
/// <remarks>
/// Organisation identifiers are the portal's own (<see cref="OrganisationPrefix"/> and the participant's code), not
/// identifiers registered with IATI: a participant that publishes to the IATI Registry replaces them with its own.
/// </remarks>
public static partial class IatiActivities
{
    public const string MediaType = "application/xml; charset=utf-8";

    public const string OrganisationPrefix = "CCMPORTAL";

    public static string OrganisationRef(string participantCode) => OrganisationPrefix + "-" + participantCode;

    public static byte[] Write(ExportBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var today = DateOnly.FromDateTime(batch.GeneratedAt.UtcDateTime);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("iati-activities");
            xml.WriteAttributeString("version", "2.03");
            xml.WriteAttributeString("generated-datetime", PostingCsv.IsoDateTime(batch.GeneratedAt));
            if (batch.IsCut)
            {
                xml.WriteComment($" The search found more offers and experiences than an export holds: these are the first {PostingExport.MaxRows}. ");
            }

            var activities = batch.Rows.Where(r => PostingExport.IatiKinds.Contains(r.Kind)).ToList();
            if (activities.Count == 0)
            {
                // IATI asks for one activity at least: an empty file is only the answer to this search, not one to publish.
                xml.WriteComment(" The search found no offer or experience. ");
            }

            foreach (var row in activities)
            {
                Activity(xml, row, today);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void Activity(XmlWriter xml, ExportRow row, DateOnly today)
    {
        var organisation = OrganisationRef(row.ParticipantCode);
        var dates = Dates.Of(row, today);
        xml.WriteStartElement("iati-activity");
        xml.WriteAttributeString("last-updated-datetime", PostingCsv.IsoDateTime(row.PublishedAt));
        xml.WriteAttributeString("xml", "lang", null, "en");

        xml.WriteElementString("iati-identifier", organisation + "-" + row.Id.ToString(CultureInfo.InvariantCulture));
        xml.WriteStartElement("reporting-org");
        xml.WriteAttributeString("ref", organisation);
        xml.WriteAttributeString("type", IatiCodes.OrganisationType(row.ParticipantKind));
        Narrative(xml, row.ParticipantName);
        xml.WriteEndElement();
        xml.WriteStartElement("title");
        Narrative(xml, row.Title);
        xml.WriteEndElement();
        xml.WriteStartElement("description");
        xml.WriteAttributeString("type", "1");
        Narrative(xml, row.Summary);
        xml.WriteEndElement();
        foreach (var role in IatiCodes.Roles(row))
        {
            xml.WriteStartElement("participating-org");
            xml.WriteAttributeString("ref", organisation);
            xml.WriteAttributeString("type", IatiCodes.OrganisationType(row.ParticipantKind));
            xml.WriteAttributeString("role", role);
            Narrative(xml, row.ParticipantName);
            xml.WriteEndElement();
        }

        Code(xml, "activity-status", dates.Status);
        ActivityDate(xml, dates.StartType, dates.Start, dates.FromPeriod ? row.Period : null);
        if (dates.End is DateOnly end)
        {
            ActivityDate(xml, dates.EndType, end, row.Period);
        }

        // Countries and regions chosen directly (a country's own region is not a recipient of its own, says IATI); with
        // more than one, each gets an equal share, as the standard asks for shares that add up to 100.
        var regions = ExportColumns.M49Codes(row.ChosenRegions);
        var countries = row.Countries.Select(CountryCodes.Alpha2).OfType<string>().ToList();
        var shares = Shares(countries.Count + regions.Count);
        var share = 0;
        foreach (var country in countries)
        {
            xml.WriteStartElement("recipient-country");
            xml.WriteAttributeString("code", country);
            Percentage(xml, shares, share++);
            xml.WriteEndElement();
        }

        foreach (var region in regions)
        {
            xml.WriteStartElement("recipient-region");
            xml.WriteAttributeString("code", region);
            xml.WriteAttributeString("vocabulary", "2");
            Percentage(xml, shares, share++);
            xml.WriteEndElement();
        }

        var sectors = IatiCodes.Sectors(row.Areas);
        var sectorShares = Shares(sectors.Count);
        for (var i = 0; i < sectors.Count; i++)
        {
            xml.WriteStartElement("sector");
            xml.WriteAttributeString("vocabulary", "1");
            xml.WriteAttributeString("code", sectors[i]);
            Percentage(xml, sectorShares, i);
            xml.WriteEndElement();
        }

        foreach (var marker in IatiCodes.PolicyMarkers(row.Areas))
        {
            xml.WriteStartElement("policy-marker");
            xml.WriteAttributeString("vocabulary", "1");
            xml.WriteAttributeString("code", marker);
            xml.WriteAttributeString("significance", "1");
            xml.WriteEndElement();
        }

        if (row.Budget is decimal amount && row.Currency is { Length: 3 } currency)
        {
            // Original (type 1), indicative (status 1): an amount a posting names, over the period it names or, without
            // one, from publication to expiry; valued on the day it was published.
            xml.WriteStartElement("budget");
            xml.WriteAttributeString("type", "1");
            xml.WriteAttributeString("status", "1");
            DateElement(xml, "period-start", dates.Start);
            DateElement(xml, "period-end", dates.End ?? DateOnly.FromDateTime(row.ValidUntil.UtcDateTime));
            xml.WriteStartElement("value");
            xml.WriteAttributeString("currency", currency);
            xml.WriteAttributeString("value-date", PostingCsv.IsoDate(DateOnly.FromDateTime(row.PublishedAt.UtcDateTime)));
            xml.WriteString(ExportColumns.Amount(amount)!.Value.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Narrative(XmlWriter xml, string text) => xml.WriteElementString("narrative", XmlText(text));

    private static void Code(XmlWriter xml, string element, string code)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("code", code);
        xml.WriteEndElement();
    }

    private static void ActivityDate(XmlWriter xml, string type, DateOnly date, string? period)
    {
        xml.WriteStartElement("activity-date");
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("iso-date", PostingCsv.IsoDate(date));
        if (!string.IsNullOrWhiteSpace(period))
        {
            Narrative(xml, period);
        }

        xml.WriteEndElement();
    }

    private static void DateElement(XmlWriter xml, string element, DateOnly date)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("iso-date", PostingCsv.IsoDate(date));
        xml.WriteEndElement();
    }

    private static void Percentage(XmlWriter xml, IReadOnlyList<decimal> shares, int index)
    {
        if (shares.Count > 1)
        {
            xml.WriteAttributeString("percentage", shares[index].ToString("0.##", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Equal shares of 100 to two decimals, the last one taking what rounding left, so that they add up to 100.</summary>
    public static IReadOnlyList<decimal> Shares(int count)
    {
        if (count == 0)
        {
            return [];
        }

        var each = Math.Floor(10000m / count) / 100m;
        return [.. Enumerable.Repeat(each, count - 1), 100m - (each * (count - 1))];
    }

    /// <summary>
    /// Text without the characters XML 1.0 cannot hold (control characters a pasted text may carry, a surrogate without
    /// its pair). Characters beyond the Basic Multilingual Plane (an emoji) are two UTF-16 units, kept as their pair.
    /// </summary>
    public static string XmlText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i, 2);
                i++;
            }
        }

        return kept.Length == text.Length ? text : kept.ToString();
    }

    [GeneratedRegex(@"\b(19|20)\d{2}\b")]
    private static partial Regex Year();

    /// <summary>
    /// The activity's status and dates from what the posting says. The years its period names (in its own words,
    /// "2021–2023") give a start on 1 January of the first and an end on 31 December of the last; without them, the
    /// activity starts the day the posting was published. An offer's dates are planned (ActivityDateType 1, 3) and its
    /// status is pipeline (1); an experience's dates are actual (2, 4) when they have passed, and its status closed (4)
    /// once its end has, otherwise implementation (2).
    /// </summary>
    private sealed record Dates(string Status, string StartType, DateOnly Start, string EndType, DateOnly? End, bool FromPeriod)
    {
        public static Dates Of(ExportRow row, DateOnly today)
        {
            var years = Year().Matches(row.Period ?? "").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
            var fromPeriod = years.Count > 0;
            var start = fromPeriod ? new DateOnly(years.Min(), 1, 1) : DateOnly.FromDateTime(row.PublishedAt.UtcDateTime);
            DateOnly? end = fromPeriod ? new DateOnly(years.Max(), 12, 31) : null;
            if (row.Kind == PostingKind.Offer)
            {
                return new("1", "1", start, "3", end, fromPeriod);
            }

            var over = end < today;
            return new(over ? "4" : "2", start <= today ? "2" : "1", start, over ? "4" : "3", end, fromPeriod);
        }
    }
}
