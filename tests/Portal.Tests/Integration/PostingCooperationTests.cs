using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Portal.Tests.Unit;

namespace Portal.Tests.Integration;

/// <summary>
/// An offer's or experience's role and modalities, through the real forms: chosen, shown, found by the search's filters,
/// exported; refused with the form's own message when they are not from the list; never asked of a need.
/// </summary>
public sealed class PostingCooperationTests : PortalTest
{
    [Fact]
    public async Task OfferWithRoleAndModalities_IsShown_FoundByTheFilters_AndExported_AnOfferWithoutIsNot()
    {
        using var owner = await FocalPointAsync("DEU");
        var stated = await owner.PublishAsync(new PostingSteps.Draft
        {
            Kind = PostingKind.Offer,
            Title = "Deminer training in a South-South partnership",
            Role = nameof(CooperationRole.Donor),
            Modalities = [nameof(CooperationModalities.SouthSouth), nameof(CooperationModalities.Triangular)],
        });
        Assert.Equal("Donor", owner.Find("[data-testid=role]"));
        Assert.Equal("South-South, Triangular", owner.Find("[data-testid=modalities]"));
        await owner.PublishAsync(new PostingSteps.Draft { Kind = PostingKind.Offer, Title = "Deminer training without a stated role" });
        Assert.Null(owner.Page!.QuerySelector("[data-testid=role]"));

        // The edit form comes back with the choices made.
        await owner.OpenAsync($"/Postings/{stated}/Edit");
        Assert.Equal(["Donor"], owner.Page!.QuerySelectorAll("input[name='Input.Role']:checked").Select(i => i.GetAttribute("value")));
        Assert.Equal(["SouthSouth", "Triangular"], owner.Page.QuerySelectorAll("input[name='Input.Modalities']:checked").Select(i => i.GetAttribute("value")));

        // Filters combine with each other and with words, in every order (on SQLite a ranked search asks the index).
        foreach (var query in new[] { "role=Donor", "modality=SouthSouth", "kind=Offer&role=Donor&modality=Triangular&area=VictimAssistance", "q=deminer&role=Donor&sort=Relevance" })
        {
            await owner.OpenAsync("/Postings?" + query);
            Assert.Equal(["Deminer training in a South-South partnership"], owner.ResultTitles());
        }

        foreach (var query in new[] { "role=Recipient", "modality=Bilateral", "role=Donor&kind=Need", "q=deminer&role=Implementer&sort=Relevance" })
        {
            await owner.OpenAsync("/Postings?" + query);
            Assert.Equal("No postings match", owner.Find("[data-testid=result-count]"));
        }

        // The page's links keep the filters; the downloads carry them and the two columns.
        await owner.OpenAsync("/Postings?role=Donor&modality=SouthSouth");
        Assert.Equal("Filter and sort: 2 filters apply", owner.Find("[data-testid=filters] summary"));
        Assert.Equal("Donor", owner.Page!.QuerySelector("#role option[selected]")?.GetAttribute("value"));
        var csvLink = owner.Page.QuerySelector("[data-testid=downloads] a")!.GetAttribute("href")!;
        Assert.Equal("/Postings/Export/csv?role=Donor&modality=SouthSouth", csvLink);
        var (header, rows) = OpenDataExportTests.ReadCsv(await (await OpenDataExportTests.DownloadAsync(owner, csvLink)).Content.ReadAsByteArrayAsync());
        Assert.Equal(["role", "modalities"], header[^2..]);
        Assert.Equal([("donor", "south_south;triangular")], rows.Select(r => (r["role"], r["modalities"])));
        var (_, all) = OpenDataExportTests.ReadCsv(await (await OpenDataExportTests.DownloadAsync(owner, "/Postings/Export/csv?q=deminer")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["", "donor"], all.Select(r => r["role"]).Order());

        // IATI: the role stated says the participant's role in the activity (a donor funds).
        var iati = OpenDataTests.ValidIati(await (await OpenDataExportTests.DownloadAsync(owner, "/Postings/Export/iati?role=Donor")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["1"], iati.Root!.Element("iati-activity")!.Elements("participating-org").Select(e => e.Attribute("role")!.Value));
    }

    [Fact]
    public async Task ARoleOrModalityNotFromTheList_IsRefusedWithTheFormsMessage_AndANeedsFormHasNeither()
    {
        using var owner = await FocalPointAsync("LAO");
        await owner.OpenAsync("/Postings/New?kind=Need");
        Assert.Empty(owner.Page!.QuerySelectorAll("[name='Input.Role'], [name='Input.Modalities']"));

        // An experience may state any role; an offer only a giver's, so "Recipient" is not on its form.
        await owner.OpenAsync("/Postings/New?kind=Experience");
        Assert.Equal(["Donor", "Recipient", "Both", "Implementer", ""], RoleChoices(owner.Page!));
        await owner.OpenAsync("/Postings/New?kind=Offer");
        Assert.Equal(["Donor", "Both", "Implementer", ""], RoleChoices(owner.Page!));

        // A tampered form: a role the offer form does not offer, a modality that does not exist.
        owner.Page!.QuerySelector("input[name='Input.Role']")!.SetAttribute("value", nameof(CooperationRole.Recipient));
        owner.Page.QuerySelector("input[name='Input.Modalities']")!.SetAttribute("value", "Everything");
        var draft = new PostingSteps.Draft { Kind = PostingKind.Offer, Role = nameof(CooperationRole.Recipient), Modalities = ["Everything"] };
        await owner.SubmitAsync("form.stack", new FormFill { Values = draft.Values(), Lists = draft.Lists() });

        Assert.Equal(
            ["Choose a role from the list, or “Not stated”.", "Choose modalities from the list."],
            owner.Page!.QuerySelectorAll("[data-testid=errors] li").Select(li => li.TextContent.Trim()));
        Assert.Equal(["#Input_Role", "#Input_Modalities"], owner.Page.QuerySelectorAll("[data-testid=errors] a").Select(a => a.GetAttribute("href")));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Postings.CountAsync()));
    }

    private static string[] RoleChoices(IDocument page) =>
        [.. page.QuerySelectorAll("input[name='Input.Role']").Select(i => i.GetAttribute("value") ?? "")];

    private async Task<Browser> FocalPointAsync(string participant)
    {
        var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, participant));
        return browser;
    }
}
