using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Postings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// A country filter finds what applies to the country, not only what names it: the postings for its M49 sub-region and
/// region and the global ones, each with the reason it applies. Search words match the beginnings of words.
/// </summary>
public sealed class AppliesToCountryTests : PortalTest
{
    private static readonly PostingSteps.Draft Offer = new()
    {
        Kind = PostingKind.Offer,
        Countries = [],
        Body = "## What we offer\n\nGrants for victim assistance: rehabilitation and physiotherapists' training.\n",
    };

    [Fact]
    public async Task LaoSearchForVictimAssistanceOffers_FindsTheSouthEastAsiaAndGlobalOffers_SayingWhyEachApplies()
    {
        var donor = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "DEU");
        using var deu = new Browser(Factory);
        await deu.SignInAsync(Factory, donor);
        await deu.PublishAsync(Offer with { Title = "Rehabilitation grants for South-East Asia", Regions = [nameof(Regions.SouthEasternAsia)] });
        await deu.PublishAsync(Offer with { Title = "Global survivors fund", Regions = [nameof(Regions.Global)] });
        await deu.PublishAsync(Offer with { Title = "Prosthetics across Asia", Regions = [nameof(Regions.Asia)] });
        await deu.PublishAsync(Offer with { Title = "Peer support in Laos", Countries = ["LAO"] });
        // Not for Lao PDR: another country of its sub-region named, another region, another area, another kind.
        await deu.PublishAsync(Offer with { Title = "Peer support in Viet Nam", Countries = ["VNM"] });
        await deu.PublishAsync(Offer with { Title = "Rehabilitation in Africa", Regions = [nameof(Regions.Africa)] });
        await deu.PublishAsync(Offer with
        {
            Title = "Clearance teams for South-East Asia",
            Regions = [nameof(Regions.SouthEasternAsia)],
            Areas = [nameof(CcmAreas.ClearanceAndRiskEducation)],
        });
        await deu.PublishAsync(Offer with { Kind = PostingKind.Need, Title = "Needs of South-East Asia", Regions = [nameof(Regions.SouthEasternAsia)] });

        using var lao = new Browser(Factory);
        await lao.SignInAsync(Factory, await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO"));
        var expected = new Dictionary<string, string?>
        {
            ["Rehabilitation grants for South-East Asia"] = "Applies to South-East Asia.",
            ["Global survivors fund"] = "Applies worldwide.",
            ["Prosthetics across Asia"] = "Applies to Asia.",
            ["Peer support in Laos"] = "Applies to Lao People's Democratic Republic: named in the posting.",
        };
        // The list, and a search with words (on SQLite the index cannot say a country filter, so the search asks the table).
        foreach (var url in new[] { "/Postings?kind=Offer&area=VictimAssistance&country=LAO", "/Postings?q=grants&kind=Offer&area=VictimAssistance&country=LAO" })
        {
            await lao.OpenAsync(url);
            var found = lao.Page!.QuerySelectorAll("ol.results > li")
                .ToDictionary(li => li.QuerySelector("h2")!.TextContent.Trim(), li => li.QuerySelector("[data-testid=applies]")?.TextContent.Trim());
            Assert.Equal(expected.OrderBy(e => e.Key), found.OrderBy(e => e.Key));
            Assert.Equal("4 postings match", lao.Find("[data-testid=result-count]"));
        }

        // Without a country, nothing says why: the list shows no reason.
        await lao.OpenAsync("/Postings?kind=Offer");
        Assert.Null(lao.Page!.QuerySelector("[data-testid=applies]"));
    }

    [Fact]
    public async Task ASubregionChosenOnTheForm_IsShown_AndFoundByItsRegionAndSubregion_LikeTheCountriesInIt()
    {
        var donor = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "DEU");
        using var deu = new Browser(Factory);
        await deu.SignInAsync(Factory, donor);
        await deu.OpenAsync("/Postings/New?kind=Offer");
        var choice = deu.Page!.QuerySelector($"input[name='Input.Regions'][value={nameof(Regions.SouthEasternAsia)}]");
        Assert.Equal("The whole of South-East Asia", choice!.ParentElement!.TextContent.Trim());

        var id = await deu.PublishAsync(Offer with { Title = "Rehabilitation grants", Regions = [nameof(Regions.SouthEasternAsia)] });
        await deu.PublishAsync(Offer with { Title = "Peer support in Viet Nam", Countries = ["VNM"] });
        await deu.PublishAsync(Offer with { Title = "Prosthetics in Iraq", Countries = ["IRQ"] });
        await deu.OpenAsync($"/Postings/{id}");
        Assert.Contains("South-East Asia", deu.Page!.QuerySelectorAll("main dd").Select(dd => dd.TextContent.Trim()));

        await deu.OpenAsync("/Postings?region=SouthEasternAsia");
        Assert.Equal(["Peer support in Viet Nam", "Rehabilitation grants"], deu.ResultTitles().Order());
        await deu.OpenAsync("/Postings?region=Asia");
        Assert.Equal(["Peer support in Viet Nam", "Prosthetics in Iraq", "Rehabilitation grants"], deu.ResultTitles().Order());
        await deu.OpenAsync("/Postings?region=WesternAsia");
        Assert.Equal(["Prosthetics in Iraq"], deu.ResultTitles());

        // The statistics count the sub-region as a region of its own, in the same figures.
        await deu.OpenAsync("/Statistics");
        var row = deu.Page!.QuerySelectorAll("table tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray())
            .First(cells => cells.Length > 1 && cells[0] == "South-East Asia");
        Assert.Equal("2", row[^1]);
    }

    [Fact]
    public async Task PostingsSavedBeforeSubregions_GetTheirCountriesSubregionsAtStart_Once()
    {
        var id = await Factory.WithDbAsync(async db =>
        {
            var owner = await db.Participants.SingleAsync(p => p.Code == "DEU");
            var posting = new Posting
            {
                ParticipantId = owner.Id,
                Kind = PostingKind.Offer,
                Status = PostingStatus.Published,
                Title = "Old offer",
                Summary = "Saved before sub-regions.",
                Body = "Text.",
                ContactPoint = "Desk",
                Areas = CcmAreas.VictimAssistance,
                Regions = Regions.Asia | Regions.Europe,
                Countries = [new PostingCountry { CountryCode = "LAO" }, new PostingCountry { CountryCode = "DEU" }],
                CreatedAt = Factory.Time.GetUtcNow(),
                PublishedAt = Factory.Time.GetUtcNow(),
                ValidUntil = Factory.Time.GetUtcNow().AddDays(100),
            };
            db.Postings.Add(posting);
            await db.SaveChangesAsync();
            return posting.Id;
        });

        Assert.Equal(2, await Factory.WithServicesAsync(sp => sp.GetRequiredService<PostingRegions>().AddMissingSubregionsAsync()));
        Assert.Equal(0, await Factory.WithServicesAsync(sp => sp.GetRequiredService<PostingRegions>().AddMissingSubregionsAsync()));
        Assert.Equal(Regions.Asia | Regions.SouthEasternAsia | Regions.Europe | Regions.WesternEurope,
            await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == id).Select(p => p.Regions).SingleAsync()));
    }

    [Fact]
    public async Task WordBeginnings_FindWholeWords_MarkedInTheSnippet_AndTypedOperatorsStayWords()
    {
        var donor = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "DEU");
        using var deu = new Browser(Factory);
        await deu.SignInAsync(Factory, donor);
        await deu.PublishAsync(Offer with { Title = "Rehabilitation grants", Regions = [nameof(Regions.Global)] });
        await deu.PublishAsync(Offer with { Title = "Mine clearance teams", Body = "Clearance of cluster munition remnants.", Regions = [nameof(Regions.Global)] });

        foreach (var typed in new[] { "physio", "Physio", "physiotherapists", "physio+training", "rehab+physio", "physio*", "physio%3A*", "%27physio%27", "!physio", "(physio", "physio%7C" })
        {
            await deu.OpenAsync("/Postings?q=" + typed);
            Assert.Equal(["Rehabilitation grants"], deu.ResultTitles());
            Assert.Contains("physiotherapists", deu.Page!.QuerySelectorAll("ol.results mark").Select(m => m.TextContent.ToLowerInvariant()));
        }

        // Two letters are not a beginning (they would begin half the index); whole words still match.
        foreach (var typed in new[] { "ph", "physiox", "%22physio+training%22" })
        {
            await deu.OpenAsync("/Postings?q=" + typed);
            Assert.Equal("No postings match", deu.Find("[data-testid=result-count]"));
        }
    }
}
