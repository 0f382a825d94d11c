using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Features.OpenData;
using Portal.Tests.Infrastructure;
using Portal.Tests.Unit;

namespace Portal.Tests.Integration;

/// <summary>
/// The open-data downloads of a search (CSV, JSON, IATI): the search's postings, all pages, no more than the reader
/// may see, read back by readers that are not ours.
/// </summary>
public sealed class OpenDataExportTests : PortalTest
{
    [Fact]
    public async Task Csv_ParsesBackWithTheDocumentedColumns_AllPages_WithTheSearchFilters_AndMatchesTheJson()
    {
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHE");
        var now = Factory.Time.GetUtcNow();
        await SeedAsync(db =>
        {
            for (var i = 1; i <= 23; i++)
            {
                Add(db, "LAO", $"Prosthetics offer {i:00}", PostingKind.Offer, now.AddMinutes(-100 + i), areas: CcmAreas.VictimAssistance);
            }

            Add(db, "LAO", "Clearance offer", PostingKind.Offer, now.AddMinutes(-1), areas: CcmAreas.ClearanceAndRiskEducation);
            Add(db, "LAO", "Prosthetics need", PostingKind.Need, now.AddMinutes(-2), areas: CcmAreas.VictimAssistance);
        });

        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, member);
        await browser.OpenAsync("/Postings?kind=Offer&area=VictimAssistance");
        Assert.Equal("23 postings match · page 1 of 2", browser.Find("[data-testid=result-count]"));
        var links = browser.Page!.QuerySelectorAll("[data-testid=downloads] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            ["/Postings/Export/csv?kind=Offer&area=VictimAssistance", "/Postings/Export/json?kind=Offer&area=VictimAssistance",
             "/Postings/Export/iati?kind=Offer&area=VictimAssistance", "/Postings/OpenData"],
            links);

        var csv = await DownloadAsync(browser, links[0]!);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith($"ccm-postings-{now:yyyy-MM-dd}", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName, StringComparison.Ordinal);
        var (header, rows) = ReadCsv(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal(ExportColumns.All.Select(c => c.Name), header);
        // Every page, newest first as the page sorts them.
        Assert.Equal(Enumerable.Range(1, 23).Reverse().Select(i => $"Prosthetics offer {i:00}"), rows.Select(r => r["title"]));
        var first = rows[0];
        Assert.Equal("offer", first["kind"]);
        Assert.Equal("LAO", first["participant_code"]);
        Assert.Equal("state", first["participant_type"]);
        Assert.Equal("false", first["is_sample"]);
        Assert.Equal("victim_assistance", first["ccm_areas"]);
        Assert.Equal("equipment;training", first["assistance_types"]);
        Assert.Equal("001;142", first["regions_m49"]);
        Assert.Equal("KHM;LAO", first["countries_iso3"]);
        Assert.Equal("250000.5", first["budget_amount"]);
        Assert.Equal("USD", first["budget_currency"]);
        Assert.Equal((now.AddMinutes(-77)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), first["published_at"]);
        Assert.Matches(@"^http://[^/]+/Postings/\d+$", first["url"]);

        using var json = JsonDocument.Parse(await (await DownloadAsync(browser, links[1]!)).Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(ExportColumns.All.Select(c => c.Name), root.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.False(root.GetProperty("truncated").GetBoolean());
        Assert.Equal(23, root.GetProperty("count").GetInt32());
        var postings = root.GetProperty("postings").EnumerateArray().ToList();
        Assert.Equal(rows.Select(r => r["id"]), postings.Select(p => p.GetProperty("id").GetInt32().ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(["KHM", "LAO"], postings[0].GetProperty("countries_iso3").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(250000.5m, postings[0].GetProperty("budget_amount").GetDecimal());
        Assert.Equal(JsonValueKind.Null, postings[0].GetProperty("application_deadline").ValueKind);

        // Words and another filter: the same answer as the page.
        var (_, words) = ReadCsv(await (await DownloadAsync(browser, "/Postings/Export/csv?q=clearance")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Clearance offer"], words.Select(r => r["title"]));
        var (_, needs) = ReadCsv(await (await DownloadAsync(browser, "/Postings/Export/csv?kind=Need&country=lao")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Prosthetics need"], needs.Select(r => r["title"]));

        // The documentation page lists the same columns.
        await browser.OpenAsync("/Postings/OpenData");
        Assert.Equal(ExportColumns.All.Select(c => c.Name), browser.Page!.QuerySelectorAll("[data-testid=columns] tbody code").Select(c => c.TextContent));
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(browser, "/Postings/Export/xlsx")).StatusCode);
    }

    [Fact]
    public async Task Observer_ExportsNeverHoldStatesOnlyPostings_WithAnAccountOrTheObserversCode_StatesSeeBoth()
    {
        var observer = await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-watch");
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHE");
        var now = Factory.Time.GetUtcNow();
        await SeedAsync(db =>
        {
            Add(db, "LAO", "Confidential stockpile inventory support", PostingKind.Offer, now.AddMinutes(-2), Visibility.StatesOnly);
            Add(db, "LAO", "Confidential experience of clearance", PostingKind.Experience, now.AddMinutes(-3), Visibility.StatesOnly);
            Add(db, "LAO", "Open call for risk education partners", PostingKind.Offer, now.AddMinutes(-1));
            Add(db, "LAO", "Expired open offer", PostingKind.Offer, now.AddDays(-200), validUntil: now.AddDays(-1));
        });

        using var ngo = new Browser(Factory);
        await ngo.SignInAsync(Factory, observer);
        await AssertSeesOnlyTheOpenOfferAsync(ngo);
        using var coded = new Browser(Factory);
        await EnterWithObserverCodeAsync(coded);
        await AssertSeesOnlyTheOpenOfferAsync(coded);

        using var state = new Browser(Factory);
        await state.SignInAsync(Factory, member);
        var (_, rows) = ReadCsv(await (await DownloadAsync(state, "/Postings/Export/csv")).Content.ReadAsByteArrayAsync());
        Assert.Equal(
            ["Open call for risk education partners", "Confidential stockpile inventory support", "Confidential experience of clearance"],
            rows.Select(r => r["title"]));
        Assert.Equal(["states_and_observers", "states_only", "states_only"], rows.Select(r => r["visibility"]));
    }

    [Fact]
    public async Task Anonymous_GetsTheSearchPagesAnswer()
    {
        using var anonymous = new Browser(Factory);
        var search = await anonymous.GetAsync("/Postings?kind=Offer");
        foreach (var format in new[] { "csv", "json", "iati" })
        {
            var export = await DownloadAsync(anonymous, $"/Postings/Export/{format}?kind=Offer");
            Assert.Equal(search.StatusCode, export.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
            Assert.Equal(Browser.RedirectPath(search), Browser.RedirectPath(export));
            Assert.Contains($"returnUrl=%2FPostings%2FExport%2F{format}", export.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Iati_ValidatesAgainstOurSchemaSubset_HoldsOffersAndExperiencesOnly_AndHostileTitlesComeOutSafe()
    {
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHE");
        var now = Factory.Time.GetUtcNow();
        string[] hostile =
        [
            "=HYPERLINK(\"http://evil.example\",\"Click\")",
            "+41 22 000 00 00 & <b>bold</b>",
            "-cmd|' /C calc'!A0",
            "@SUM(1+1) \"quoted\" 'single'",
            "<script>alert(1)</script> & done 🙂",
        ];
        await SeedAsync(db =>
        {
            for (var i = 0; i < hostile.Length; i++)
            {
                Add(db, "LAO", hostile[i], i % 2 == 0 ? PostingKind.Offer : PostingKind.Experience, now.AddMinutes(-10 + i));
            }

            Add(db, "LAO", "A need, which IATI does not describe", PostingKind.Need, now);
        });

        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, member);
        var iati = await DownloadAsync(browser, "/Postings/Export/iati");
        Assert.Equal("application/xml", iati.Content.Headers.ContentType!.MediaType);
        var document = OpenDataTests.ValidIati(await iati.Content.ReadAsByteArrayAsync());
        Assert.Equal("2.03", document.Root!.Attribute("version")!.Value);
        var titles = document.Root.Elements("iati-activity").Select(a => a.Element("title")!.Element("narrative")!.Value).ToList();
        Assert.Equal(hostile.Reverse(), titles);
        Assert.All(document.Root.Elements("iati-activity"), a =>
        {
            Assert.StartsWith("CCMPORTAL-LAO-", a.Element("iati-identifier")!.Value, StringComparison.Ordinal);
            Assert.Equal(["KH", "LA"], a.Elements("recipient-country").Select(c => c.Attribute("code")!.Value));
            Assert.Equal(["15250", "12191", "16010"], a.Elements("sector").Select(s => s.Attribute("code")!.Value));
        });

        // CSV: every formula prefix is neutralised, and the rest of the text comes back exactly.
        var (_, rows) = ReadCsv(await (await DownloadAsync(browser, "/Postings/Export/csv?kind=Offer")).Content.ReadAsByteArrayAsync());
        Assert.Equal(hostile.Where((_, i) => i % 2 == 0).Reverse().Select(t => t[0] is '=' or '+' or '-' or '@' ? "'" + t : t), rows.Select(r => r["title"]));
        // JSON: the text as published, escaped so that no HTML reading of it runs anything.
        var jsonText = await (await DownloadAsync(browser, "/Postings/Export/json?kind=Offer")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", jsonText, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(jsonText);
        Assert.Equal(hostile.Where((_, i) => i % 2 == 0).Reverse(), json.RootElement.GetProperty("postings").EnumerateArray().Select(p => p.GetProperty("title").GetString()));
    }

    private static async Task AssertSeesOnlyTheOpenOfferAsync(Browser browser)
    {
        await browser.OpenAsync("/Postings");
        Assert.Equal("1 posting", browser.Find("[data-testid=result-count]"));
        var (_, rows) = ReadCsv(await (await DownloadAsync(browser, "/Postings/Export/csv")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Open call for risk education partners"], rows.Select(r => r["title"]));
        foreach (var (format, mediaType) in new[] { ("json", "application/json"), ("iati", "application/xml") })
        {
            foreach (var query in new[] { "", "?q=confidential", "?kind=Experience", "?q=stockpile" })
            {
                // The download itself, not an error page that would hold nothing either; except that a search without
                // an offer or experience has no IATI file (one activity at least), and its page says so.
                var download = await DownloadAsync(browser, $"/Postings/Export/{format}{query}");
                var text = await download.Content.ReadAsStringAsync();
                if (format == "iati" && query.Length > 0)
                {
                    Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
                    Assert.Contains("Nothing to export as IATI activities", text, StringComparison.Ordinal);
                }
                else
                {
                    Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                    Assert.Equal(mediaType, download.Content.Headers.ContentType!.MediaType);
                }

                Assert.DoesNotContain("Confidential", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Expired", text, StringComparison.Ordinal);
            }
        }

        var iati = OpenDataTests.ValidIati(await (await DownloadAsync(browser, "/Postings/Export/iati")).Content.ReadAsByteArrayAsync());
        Assert.Single(iati.Root!.Elements("iati-activity"));
    }

    private async Task EnterWithObserverCodeAsync(Browser browser)
    {
        var code = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.Observers, "test"));
        var organisation = await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "ngo-watch").Select(p => p.Id).SingleAsync());
        await browser.OpenAsync("/Entry");
        await browser.SubmitAsync("form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Visiting observer",
            ["Input.Email"] = "visitor@ngo.test",
            ["Input.ParticipantId"] = organisation.ToString(CultureInfo.InvariantCulture),
            ["Input.Code"] = code,
        });
        Assert.Contains("read-only", browser.Find("[data-testid=who]") ?? "", StringComparison.Ordinal);
    }

    internal static async Task<HttpResponseMessage> DownloadAsync(Browser browser, string url) =>
        await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative)));

    /// <summary>Reads the CSV with CsvHelper, strictly: RFC 4180, a header row, every row as wide as the header.</summary>
    internal static (string[] Header, List<Dictionary<string, string>> Rows) ReadCsv(byte[] bytes)
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = true });
        Assert.True(csv.Read());
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h)!));
        }

        return (header, rows);
    }

    private Task SeedAsync(Action<PortalDbContext> add) => Factory.WithDbAsync(async db =>
    {
        add(db);
        return await db.SaveChangesAsync();
    });

    private static void Add(
        PortalDbContext db, string owner, string title, PostingKind kind, DateTimeOffset publishedAt,
        Visibility visibility = Visibility.StatesAndObservers, CcmAreas areas = CcmAreas.VictimAssistance, DateTimeOffset? validUntil = null)
    {
        var participant = db.Participants.Single(p => p.Code == owner);
        db.Postings.Add(new Posting
        {
            ParticipantId = participant.Id,
            Kind = kind,
            Status = PostingStatus.Published,
            Title = title,
            Summary = "Support for the programme, described at length.",
            Body = "Text.",
            ContactPoint = "Programme officer",
            Areas = areas,
            AssistanceTypes = AssistanceTypes.Equipment | AssistanceTypes.Training,
            ChosenRegions = Regions.Global,
            Regions = Regions.Asia | Regions.Global,
            Countries = [new PostingCountry { CountryCode = "LAO" }, new PostingCountry { CountryCode = "KHM" }],
            Budget = 250000.5m,
            Currency = "USD",
            Visibility = visibility,
            CreatedAt = publishedAt,
            PublishedAt = publishedAt,
            ValidUntil = validUntil ?? publishedAt.AddDays(300),
            CurrentVersion = 1,
        });
    }
}
