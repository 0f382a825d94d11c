using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// The participant an entry-code visitor says they act for is only declared: it is shown as unverified and gives no
/// right. An organisation that publishes keeps its "States only" postings from every observer, including an
/// observers'-code visitor who chose that organisation on the entry page; only the organisation's accounts read them.
/// </summary>
public sealed class DeclaredParticipantTests : PortalTest
{
    private const string Organisation = "ngo-pub";
    private const string HiddenTitle = "Quảng Trị depot inventory for States";
    private const string OpenTitle = "Quảng Trị clearance partners wanted";

    [Fact]
    public async Task ObserverCodeDeclaringTheOwner_SeesNothingOfItsStatesOnlyPosting_OnAnyReaderPath_WhileItsAccountsDo()
    {
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, Organisation);
        await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == Organisation)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.MayPublish, true)));
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, focal);
        var hidden = await owner.PublishAsync(new PostingSteps.Draft
        {
            Kind = PostingKind.Offer,
            Title = HiddenTitle,
            Body = "Holdings are listed per depot near Đông Hà.\n",
            Visibility = Visibility.StatesOnly,
        });
        await owner.AttachAsync(hidden, "inventory.pdf", SampleFiles.Pdf());
        var open = await owner.PublishAsync(new PostingSteps.Draft { Kind = PostingKind.Offer, Title = OpenTitle });
        var attachment = await Factory.WithDbAsync(db => db.PostingAttachments.Where(a => a.PostingId == hidden).Select(a => a.Id).SingleAsync());

        // The organisation's own account reads first, so that every kept list is already filled when the visitor comes.
        await AssertReadsAsync(owner, hidden, attachment, seesHidden: true);

        using var visitor = new Browser(Factory);
        await EnterWithObserverCodeAsync(visitor, Organisation);
        await AssertReadsAsync(visitor, hidden, attachment, seesHidden: false);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/Postings/{open}")).StatusCode);

        // And the owner still does after the visitor's reads filled the observers' kept lists.
        await AssertReadsAsync(owner, hidden, attachment, seesHidden: true);
    }

    [Fact]
    public async Task ObserverCode_IsNeitherOfferedNorAccepted_ForTheCoordinatorsOwnParticipant()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-own");
        await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-plain");
        var code = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.Observers, "test"));
        using var visitor = new Browser(Factory);
        await visitor.OpenAsync("/Entry");
        var offered = visitor.Page!.QuerySelectorAll("select[name='Input.ParticipantId'] option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains("Organisation ngo-plain", offered);
        Assert.Contains("Lao People's Democratic Republic", offered);
        Assert.DoesNotContain(coordinator.ParticipantName, offered);

        // Sent anyway (an old form, or a crafted one): refused as not in the list, and no session begins.
        var refused = await visitor.PostAsync("/Entry", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = visitor.Token(),
            ["Input.Name"] = "Visitor",
            ["Input.Email"] = "visitor@ngo.test",
            ["Input.ParticipantId"] = coordinator.ParticipantId.ToString(CultureInfo.InvariantCulture),
            ["Input.Code"] = code,
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choose the State or organisation you act for from the list.", visitor.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Sessions.CountAsync(s => s.Kind == SessionKind.EntryCode)));
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/")).StatusCode);
    }

    /// <summary>Every path a reader has to a posting: lists in every order (kept and not), searches on the index and on
    /// the plain path, counts, the participant's pages, the posting's page, versions, canonical text and attachment.</summary>
    private static async Task AssertReadsAsync(Browser reader, int hidden, int attachment, bool seesHidden)
    {
        var expected = seesHidden ? 2 : 1;
        string[] lists =
        [
            "/Postings", "/Postings?sort=Newest", "/Postings?sort=ExpiringSoon", "/Postings?kind=Offer",
            $"/Postings?participant={Organisation}", "/Postings?country=LAO&area=VictimAssistance",
            // A ranked search (SQLite: the facets in the index), with filters, and the plain path (date orders, "since").
            "/Postings?q=Quảng+Trị", $"/Postings?q=Quảng+Trị&participant={Organisation}&kind=Offer",
            "/Postings?q=Quảng+Trị&sort=Newest", "/Postings?q=Quảng+Trị&sort=ExpiringSoon", "/Postings?q=Quảng+Trị&since=2000-01-01",
        ];
        foreach (var list in lists)
        {
            await reader.OpenAsync(list);
            var titles = reader.ResultTitles();
            Assert.True(titles.Length == expected, $"{list}: {string.Join(", ", titles)}");
            Assert.StartsWith($"{expected} posting", reader.Find("[data-testid=result-count]"), StringComparison.Ordinal);
            Assert.Equal(seesHidden, titles.Contains(HiddenTitle));
        }

        foreach (var words in new[] { "%22Đông+Hà%22", "inventory", "depot" })
        {
            await reader.OpenAsync("/Postings?q=" + words);
            Assert.Equal(seesHidden, reader.ResultTitles().Contains(HiddenTitle));
            Assert.Equal(seesHidden ? "1 posting matches" : "No postings match", reader.Find("[data-testid=result-count]"));
        }

        await reader.OpenAsync("/Participants");
        var row = reader.Page!.QuerySelectorAll("tbody tr")
            .Select(tr => string.Join("|", tr.QuerySelectorAll("td").Take(4).Select(td => td.TextContent.Trim())))
            .Single(r => r.StartsWith("Organisation " + Organisation, StringComparison.Ordinal));
        Assert.Equal($"Organisation {Organisation}|0|{expected}|0", row);
        await reader.OpenAsync($"/Participants/{Organisation}");
        Assert.Equal(seesHidden, reader.Text.Contains(HiddenTitle, StringComparison.Ordinal));

        var status = seesHidden ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        Assert.Equal(status, (await reader.GetAsync($"/Postings/{hidden}")).StatusCode);
        Assert.Equal(status, (await reader.GetAsync($"/Postings/{hidden}/Versions")).StatusCode);
        Assert.Equal(status, (await reader.GetAsync($"/Postings/{hidden}/Versions?handler=Canonical&v=1")).StatusCode);
        Assert.Equal(status, (await reader.GetAsync($"/Postings/{hidden}/Attachments/{attachment}")).StatusCode);
    }

    private async Task EnterWithObserverCodeAsync(Browser browser, string participantCode)
    {
        var code = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.Observers, "test"));
        var id = await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == participantCode).Select(p => p.Id).SingleAsync());
        await browser.OpenAsync("/Entry");
        await browser.SubmitAsync("form[method=post]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Visiting observer",
            ["Input.Email"] = "visitor@ngo.test",
            ["Input.ParticipantId"] = id.ToString(CultureInfo.InvariantCulture),
            ["Input.Code"] = code,
        });
        var who = browser.Find("[data-testid=who]") ?? "";
        Assert.Contains("read-only", who, StringComparison.Ordinal);
        Assert.Contains("Organisation " + participantCode, who, StringComparison.Ordinal);
    }
}
