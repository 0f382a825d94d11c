using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Statistics;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// The statistics page counts the current postings each reader may see, through the visibility rule, and its CSV
/// says the same numbers.
/// </summary>
public sealed class StatisticsTests : PortalTest
{
    private const string Organisation = "ngo-stats";

    [Fact]
    public async Task Figures_CountWhatEachReaderMaySee_AndLeaveOutDraftsExpiredAndWithdrawn()
    {
        using var lao = await SignInAsync(PortalRole.FocalPoint, "LAO");
        await lao.PublishAsync(new PostingSteps.Draft { Title = "Open need", Areas = [nameof(CcmAreas.VictimAssistance)] });
        await lao.PublishAsync(new PostingSteps.Draft
        {
            Title = "States-only need",
            Visibility = Visibility.StatesOnly,
            Areas = [nameof(CcmAreas.VictimAssistance), nameof(CcmAreas.ClearanceAndRiskEducation)],
            Regions = [nameof(Regions.Global)],
        });
        await lao.SaveDraftAsync(new PostingSteps.Draft { Title = "Draft need" });
        var withdrawn = await lao.PublishAsync(new PostingSteps.Draft { Title = "Withdrawn need" });
        var expired = await lao.PublishAsync(new PostingSteps.Draft { Kind = PostingKind.Offer, Title = "Expired offer" });
        using var deu = await SignInAsync(PortalRole.FocalPoint, "DEU");
        await deu.PublishAsync(new PostingSteps.Draft
        {
            Kind = PostingKind.Offer,
            Title = "Open offer",
            Areas = [nameof(CcmAreas.ClearanceAndRiskEducation)],
            Countries = [],
            Regions = [nameof(Regions.Africa)],
        });
        using var organisation = await SignInAsync(PortalRole.FocalPoint, Organisation, mayPublish: true);
        await organisation.PublishAsync(new PostingSteps.Draft
        {
            Kind = PostingKind.Experience,
            Title = "The organisation's States-only experience",
            Visibility = Visibility.StatesOnly,
            Areas = [nameof(CcmAreas.CapacityBuilding)],
        });
        var now = Factory.Time.GetUtcNow();
        await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == withdrawn)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PostingStatus.Withdrawn).SetProperty(p => p.ClosedAt, now)));
        await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == expired)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.ValidUntil, now.AddMinutes(-1))));

        var thisMonth = PostingStatistics.MonthLabel(now);
        using var state = await SignInAsync(PortalRole.Member, "CHE");
        var stateFigures = await AssertPageAndCsvAgreeAsync(state);
        Assert.Equal(4, stateFigures[("postings", "Current postings")]);
        Assert.Equal(2, stateFigures[("by_kind", "Need")]);
        Assert.Equal(1, stateFigures[("by_kind", "Offer")]);
        Assert.Equal(1, stateFigures[("by_kind", "Experience")]);
        Assert.Equal(2, stateFigures[("by_area", "Victim assistance (Art. 5)")]);
        Assert.Equal(2, stateFigures[("by_area", "Clearance and risk reduction education (Art. 4)")]);
        Assert.Equal(1, stateFigures[("by_area", "Capacity building")]);
        Assert.Equal(0, stateFigures[("by_area", "Transparency (Art. 7)")]);
        Assert.Equal(3, stateFigures[("by_region", "Asia")]);
        Assert.Equal(1, stateFigures[("by_region", "Global")]);
        Assert.Equal(1, stateFigures[("by_region", "Africa")]);
        Assert.Equal(4, stateFigures[("by_month", thisMonth)]);
        Assert.Equal(3, stateFigures[("publishers", "Participants that have published")]);
        Assert.Equal(2, stateFigures[("top_publishers", "Lao People's Democratic Republic")]);
        Assert.Equal("There are 4 current postings you may see.", state.Find("[data-testid=total]"));
        Assert.Null(state.Find("[data-testid=audience]"));

        // The organisation's own account counts its States-only posting, and no other.
        using var ownAccount = await SignInAsync(PortalRole.Observer, Organisation);
        var ownFigures = await AssertPageAndCsvAgreeAsync(ownAccount);
        Assert.Equal(3, ownFigures[("postings", "Current postings")]);
        Assert.Equal(1, ownFigures[("by_kind", "Need")]);
        Assert.Equal(1, ownFigures[("by_kind", "Experience")]);
        Assert.Equal(1, ownFigures[("by_area", "Victim assistance (Art. 5)")]);
        Assert.Equal(0, ownFigures[("by_region", "Global")]);
        Assert.Equal(3, ownFigures[("publishers", "Participants that have published")]);
        Assert.NotNull(ownAccount.Find("[data-testid=audience]"));

        // Another organisation's observer counts neither States-only posting.
        using var observer = await SignInAsync(PortalRole.Observer, "ngo-other");
        var observerFigures = await AssertPageAndCsvAgreeAsync(observer);
        Assert.Equal(2, observerFigures[("postings", "Current postings")]);
        Assert.Equal(1, observerFigures[("by_kind", "Need")]);
        Assert.Equal(1, observerFigures[("by_kind", "Offer")]);
        Assert.Equal(0, observerFigures[("by_kind", "Experience")]);
        Assert.Equal(1, observerFigures[("by_area", "Victim assistance (Art. 5)")]);
        Assert.Equal(0, observerFigures[("by_area", "Capacity building")]);
        Assert.Equal(2, observerFigures[("by_month", thisMonth)]);
        Assert.Equal(2, observerFigures[("publishers", "Participants that have published")]);
        Assert.False(observerFigures.ContainsKey(("top_publishers", "Organisation " + Organisation)));
        Assert.Equal("2 participants have current postings you may see.", observer.Find("[data-testid=publishers]"));
    }

    [Fact]
    public async Task ByMonth_CountsTheMonthOfFirstPublication_NotOfTheLatestEdit()
    {
        var first = Factory.Time.GetUtcNow();
        int early;
        using (var before = await SignInAsync(PortalRole.FocalPoint, "LAO"))
        {
            early = await before.PublishAsync(new PostingSteps.Draft { Title = "Published before" });
        }

        // Into another month; sessions end after 12 hours, so the focal point signs in again.
        Factory.Time.Advance(TimeSpan.FromDays(40));
        using var lao = await SignInAsync(PortalRole.FocalPoint, "LAO");
        await lao.OpenAsync($"/Postings/{early}/Edit");
        await lao.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.Body"] = "## What is needed\n\nVehicles too.\n" });
        await lao.PublishAsync(new PostingSteps.Draft { Title = "Published later" });
        Assert.Equal(2, await Factory.WithDbAsync(db => db.PostingVersions.CountAsync(v => v.PostingId == early)));

        using var state = await SignInAsync(PortalRole.Member, "CHE");
        var figures = await AssertPageAndCsvAgreeAsync(state);
        Assert.Equal(1, figures[("by_month", PostingStatistics.MonthLabel(first))]);
        Assert.Equal(1, figures[("by_month", PostingStatistics.MonthLabel(Factory.Time.GetUtcNow()))]);
        Assert.Equal(PostingStatistics.Months, figures.Keys.Count(k => k.Figure == "by_month"));
    }

    [Fact]
    public async Task HostileParticipantName_IsEncodedInChartAndTable_AndNeutralisedInTheCsv()
    {
        const string Name = "=cmd|'/C calc'!A0<script>x</script>";
        using var organisation = await SignInAsync(PortalRole.FocalPoint, Organisation, mayPublish: true);
        await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == Organisation)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Name, Name)));
        await organisation.PublishAsync(new PostingSteps.Draft { Kind = PostingKind.Offer });

        using var state = await SignInAsync(PortalRole.Member, "CHE");
        await state.OpenAsync("/Statistics");
        var html = await state.LastResponse!.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var chart = state.Page!.QuerySelector("svg[aria-labelledby^='top_publishers-chart']")!;
        Assert.Equal(Name, chart.QuerySelector("text.label")!.TextContent);
        Assert.Empty(state.Page!.QuerySelectorAll("main script"));
        var link = state.Page!.QuerySelector("table[data-testid=top_publishers] a")!;
        Assert.Equal(Name, link.TextContent);
        Assert.Equal($"/Participants/{Organisation}", link.GetAttribute("href"));

        var rows = await CsvAsync(state);
        Assert.Contains(["top_publishers", "'" + Name, "1"], rows);
        Assert.DoesNotContain(rows, r => r.Any(field => field.StartsWith('=')));

        // Like every page, closed to anonymous visitors.
        using var anonymous = new Browser(Factory);
        Assert.StartsWith("/Entry", Browser.RedirectPath(await anonymous.GetAsync("/Statistics")), StringComparison.Ordinal);
        Assert.StartsWith("/Entry", Browser.RedirectPath(await anonymous.GetAsync("/Statistics?handler=Csv")), StringComparison.Ordinal);
    }

    /// <summary>Reads every table of the page and the CSV, asserts they hold the same rows, and returns them.</summary>
    private static async Task<Dictionary<(string Figure, string Label), int>> AssertPageAndCsvAgreeAsync(Browser browser)
    {
        await browser.OpenAsync("/Statistics");
        Assert.Equal(HttpStatusCode.OK, browser.LastResponse!.StatusCode);
        var page = new Dictionary<(string, string), int>();
        foreach (var figure in new[] { "by_kind", "by_area", "by_region", "by_month", "top_publishers", "interests_by_state" })
        {
            foreach (var row in browser.Page!.QuerySelectorAll($"table[data-testid={figure}] tbody tr"))
            {
                var cells = row.QuerySelectorAll("td");
                page.Add((figure, cells[0].TextContent.Trim()), int.Parse(cells[1].TextContent, CultureInfo.InvariantCulture));
            }

            // Every table has its chart, with as many bars as rows.
            var chart = browser.Page!.QuerySelector($"svg[aria-labelledby='{figure}-chart-title {figure}-chart-desc']");
            Assert.Equal(page.Keys.Count(k => k.Item1 == figure), chart?.QuerySelectorAll("rect.bar").Length ?? 0);
        }

        var csv = await CsvAsync(browser);
        Assert.Equal(["figure", "label", "count"], csv[0]);
        var file = csv.Skip(1).ToDictionary(r => (r[0], r[1]), r => int.Parse(r[2], CultureInfo.InvariantCulture));
        Assert.Equal(page.OrderBy(p => p.Key), file.Where(f => f.Key.Item1 is not ("postings" or "publishers" or "interests" or "projects_agreed")).OrderBy(p => p.Key));
        return file;
    }

    private static async Task<List<string[]>> CsvAsync(Browser browser)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Statistics?handler=Csv", UriKind.Relative));
        using var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^portal-statistics-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "The CSV starts with a byte order mark.");
        return Csv.Parse(Encoding.UTF8.GetString(bytes.AsSpan(Encoding.UTF8.Preamble.Length)));
    }

    private async Task<Browser> SignInAsync(PortalRole role, string participant, bool mayPublish = false)
    {
        var account = await TestAccounts.CreateAsync(Factory, role, participant);
        if (mayPublish)
        {
            await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == participant)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.MayPublish, true)));
        }

        var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        return browser;
    }
}

/// <summary>RFC 4180 as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks.</summary>
internal static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.False(quoted, "A quoted field is not closed.");
        Assert.True(row.Count == 0 && field.Length == 0, "The last line ends with CRLF.");
        return rows;
    }
}
