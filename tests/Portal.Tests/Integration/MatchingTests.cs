using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// The suggestions as people read them, through the real pages: ranked with their reasons, among the postings the
/// reader may see only, without closed offers, and "Matches for our postings" for an account's own participant.
/// </summary>
public sealed class MatchingTests : PortalTest
{
    private const string Ngo = "ngo-match";

    private readonly List<Browser> browsers = [];

    private static PostingSteps.Draft LaoNeed => new()
    {
        Kind = PostingKind.Need,
        Title = "Prosthetics workshop in Xieng Khouang",
        Areas = [nameof(CcmAreas.VictimAssistance)],
        Types = [nameof(AssistanceTypes.Training), nameof(AssistanceTypes.Equipment)],
        Countries = ["LAO"],
        Budget = "50,000",
        Currency = "USD",
        Visibility = Visibility.StatesOnly,
    };

    private static PostingSteps.Draft Offer(string title, string[] countries, string[] regions, string budget = "200,000", string area = nameof(CcmAreas.VictimAssistance)) => new()
    {
        Kind = PostingKind.Offer,
        Title = title,
        Areas = [area],
        Types = [nameof(AssistanceTypes.Training)],
        Countries = countries,
        Regions = regions,
        Budget = budget,
        Currency = "USD",
        Visibility = Visibility.StatesAndObservers,
    };

    [Fact]
    public async Task NeedsPage_ListsTheOffersThatFit_BestFirst_WithTheirReasons_AndNotTheOthers()
    {
        var lao = await SignedInAsync(PortalRole.FocalPoint, "LAO");
        var need = await lao.PublishAsync(LaoNeed);
        var deu = await SignedInAsync(PortalRole.FocalPoint, "DEU");
        var forLaos = await deu.PublishAsync(Offer("Rehabilitation training for Laos and Cambodia", ["LAO", "KHM"], []));
        var forAsia = await deu.PublishAsync(Offer("Physiotherapy courses across Asia", [], [nameof(Regions.Asia)], budget: "20,000"));
        await deu.PublishAsync(Offer("Peer support in Africa", [], [nameof(Regions.Africa)]));
        await deu.PublishAsync(Offer("Clearance equipment worldwide", [], [nameof(Regions.Global)], area: nameof(CcmAreas.ClearanceAndRiskEducation)));
        var closed = await deu.PublishAsync(Offer("Training grants, applications closed", [], [nameof(Regions.Global)]));
        await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == closed)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ApplicationDeadline, DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime).AddDays(-2))));

        await lao.OpenAsync($"/Postings/{need}");
        Assert.Equal("Offers that could serve this need", lao.Find("[data-testid=matches-link]"));
        await lao.OpenAsync($"/Postings/{need}/Matches");

        Assert.Equal("Offers that could serve this need", lao.Find("h1"));
        var matches = lao.Page!.QuerySelectorAll("[data-testid=match]");
        Assert.Equal(["Rehabilitation training for Laos and Cambodia", "Physiotherapy courses across Asia"],
            matches.Select(m => m.QuerySelector("h2")!.TextContent.Trim()));
        Assert.Equal(
            [
                "Same area: Victim assistance (Art. 5)",
                "Eligible country: Lao People's Democratic Republic",
                "Same type of assistance: Training",
                "Budget within range: USD 50,000 needed, up to USD 200,000 offered",
            ],
            matches[0].QuerySelectorAll("[data-testid=reasons] li").Select(li => li.TextContent.Trim()));
        Assert.Equal(["Same area: Victim assistance (Art. 5)", "Eligible region: Asia", "Same type of assistance: Training"],
            matches[1].QuerySelectorAll("[data-testid=reasons] li").Select(li => li.TextContent.Trim()));
        Assert.Equal($"/Postings/{forLaos}", matches[0].QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal($"/Postings/{forAsia}", matches[1].QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal([$"/Postings/{forLaos}/Interest", $"/Postings/{forAsia}/Interest"],
            matches.Select(m => m.QuerySelector("[data-testid=express-interest]")?.GetAttribute("href")));

        // An offer that no longer takes applications has no suggestions, and its pages say why.
        var closedOn = await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == closed).Select(p => p.ApplicationDeadline).SingleAsync());
        await deu.OpenAsync($"/Postings/{closed}");
        Assert.Null(deu.Page!.QuerySelector("[data-testid=matches-link]"));
        await lao.OpenAsync($"/Postings/{closed}");
        Assert.Equal("Applications for this offer have closed, so interest can no longer be expressed in it.", lao.Find("[data-testid=express-refusal]"));
        await deu.OpenAsync($"/Postings/{closed}/Matches");
        Assert.Equal($"Applications for this offer closed on {closedOn!.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}, so no needs are suggested for it.",
            deu.Find("[data-testid=no-matches]"));

        // The donor reads it from the other side.
        await deu.OpenAsync($"/Postings/{forLaos}/Matches");
        Assert.Equal("Needs this offer could serve", deu.Find("h1"));
        Assert.Equal(["Prosthetics workshop in Xieng Khouang"], deu.Page!.QuerySelectorAll("[data-testid=match] h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task ObserversOffer_NeverBringsAStatesOnlyNeedToThem_AndTheyCannotOpenItsMatches()
    {
        var lao = await SignedInAsync(PortalRole.FocalPoint, "LAO");
        var statesOnly = await lao.PublishAsync(LaoNeed);
        var open = await lao.PublishAsync(LaoNeed with { Title = "Victim assistance data for observers too", Visibility = Visibility.StatesAndObservers });
        var ngo = await SignedInAsync(PortalRole.FocalPoint, Ngo, mayPublish: true);
        var offer = await ngo.PublishAsync(Offer("Community rehabilitation, worldwide", [], [nameof(Regions.Global)]));

        await ngo.OpenAsync($"/Postings/{offer}/Matches");
        Assert.Equal(["Victim assistance data for observers too"], ngo.Page!.QuerySelectorAll("[data-testid=match] h2").Select(h => h.TextContent.Trim()));
        Assert.DoesNotContain("Prosthetics workshop", ngo.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ngo.GetAsync($"/Postings/{statesOnly}/Matches")).StatusCode);

        // "Matches for our postings" says the same.
        await ngo.OpenAsync("/Postings/Matches");
        Assert.Equal(["Community rehabilitation, worldwide"], ngo.Page!.QuerySelectorAll("[data-testid=own-posting] h2").Select(h => h.TextContent.Trim()));
        Assert.DoesNotContain("Prosthetics workshop", ngo.Text, StringComparison.Ordinal);

        // A State sees both needs for the same offer.
        await lao.OpenAsync($"/Postings/{offer}/Matches");
        Assert.Equal(new[] { $"/Postings/{open}", $"/Postings/{statesOnly}" }.Order(StringComparer.Ordinal),
            lao.Page!.QuerySelectorAll("[data-testid=match] h2 a").Select(a => a.GetAttribute("href")).Order(StringComparer.Ordinal));
        // They are Laos's own: no "Express interest" on them (InterestRights), which would only lead to 404.
        Assert.Null(lao.Page.QuerySelector("[data-testid=express-interest]"));
    }

    [Fact]
    public async Task OurMatches_ListsEachCurrentNeedAndOffer_WithItsBest_AndSaysWhenThereIsNone()
    {
        var lao = await SignedInAsync(PortalRole.FocalPoint, "LAO");
        await lao.OpenAsync("/Postings/Matches");
        Assert.Contains("has no current need or offer", lao.Find("[data-testid=no-postings]"), StringComparison.Ordinal);

        var need = await lao.PublishAsync(LaoNeed);
        var lonely = await lao.PublishAsync(LaoNeed with { Title = "Stockpile destruction in Laos", Areas = [nameof(CcmAreas.StockpileDestruction)] });
        var draft = await lao.SaveDraftAsync(LaoNeed with { Title = "A draft need" });
        var deu = await SignedInAsync(PortalRole.FocalPoint, "DEU");
        foreach (var n in Enumerable.Range(1, 4))
        {
            await deu.PublishAsync(Offer($"Training offer {n}", [], [nameof(Regions.Global)]));
        }

        await lao.OpenAsync("/Postings/Matches");

        var sections = lao.Page!.QuerySelectorAll("[data-testid=own-posting]");
        Assert.Equal(["Stockpile destruction in Laos", "Prosthetics workshop in Xieng Khouang"], sections.Select(s => s.QuerySelector("h2")!.TextContent.Trim()));
        Assert.Equal($"/Postings/{lonely}", sections[0].QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("No current offer shares an area and a place with this need yet.", sections[0].QuerySelector("[data-testid=no-matches]")!.TextContent.Trim());
        Assert.Equal(3, sections[1].QuerySelectorAll("[data-testid=match]").Length);
        Assert.Equal($"/Postings/{need}/Matches", sections[1].QuerySelector("a[href$='/Matches']")!.GetAttribute("href"));
        Assert.DoesNotContain("A draft need", lao.Text, StringComparison.Ordinal);

        // A draft has no suggestions yet, and says so.
        await lao.OpenAsync($"/Postings/{draft}/Matches");
        Assert.Contains("Publish this one to see them", lao.Find(".lead"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OurMatches_ForAnEntryCodeVisitor_ExplainsThatItIsForAccounts_AndAnonymousIsSentToSignIn()
    {
        using var visitor = new Browser(Factory);
        var code = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));
        var participant = await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "LAO").Select(p => p.Id).SingleAsync());
        await visitor.OpenAsync("/Entry");
        await visitor.SubmitAsync("form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Visitor",
            ["Input.Email"] = "visitor@example.test",
            ["Input.ParticipantId"] = participant.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Code"] = code,
        });

        await visitor.OpenAsync("/Postings/Matches");
        Assert.Contains("Sign in with your own account", visitor.Find("[data-testid=no-participant]"), StringComparison.Ordinal);

        using var anonymous = new Browser(Factory);
        var response = await anonymous.GetAsync("/Postings/Matches");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Entry", Browser.RedirectPath(response), StringComparison.Ordinal);
    }

    private async Task<Browser> SignedInAsync(PortalRole role, string participant, bool mayPublish = false)
    {
        var account = await TestAccounts.CreateAsync(Factory, role, participant);
        if (mayPublish)
        {
            await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == participant).ExecuteUpdateAsync(u => u.SetProperty(p => p.MayPublish, true)));
        }

        var browser = new Browser(Factory);
        browsers.Add(browser);
        await browser.SignInAsync(Factory, account);
        return browser;
    }

    public override async Task DisposeAsync()
    {
        foreach (var browser in browsers)
        {
            browser.Dispose();
        }

        await base.DisposeAsync();
    }
}
