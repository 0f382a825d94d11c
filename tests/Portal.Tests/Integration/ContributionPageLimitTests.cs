using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.PrintSamples;

namespace Portal.Tests.Integration;

/// <summary>
/// The page limit through the real form: a text that the book's own layout puts on 11 pages is refused with the count,
/// one on 9 pages is taken. The texts are found with the portal's own counter (the number of pages a paragraph fills
/// depends on the fonts of the machine), then submitted as a person would.
/// </summary>
public sealed class ContributionPageLimitTests : PortalTest
{
    [Fact]
    public async Task Submit_ElevenLaidOutPages_IsRefusedWithTheCount_AndNinePagesAreTaken()
    {
        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);
        var call = await CatalogueSteps.CreateCallAsync(Factory, today.AddDays(-1), today.AddDays(40), pageLimit: 10);
        var laos = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var eleven = await BodyOfAsync(11);
        var nine = await BodyOfAsync(9);

        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, laos);
        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Contribute");
        var fields = CatalogueSteps.CompleteFields();
        fields["Input.Body"] = eleven;
        await browser.SubmitAsync("main form[method=post]", new FormFill { Values = fields, Lists = CatalogueSteps.CompleteLists() });
        var id = int.Parse(browser.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);

        await browser.SubmitAsync("main form[method=post]", new FormFill { Button = "button[formaction*='handler=Submit']" });
        Assert.Contains("The text and testimonials take 11 pages when laid out for the book; the limit is 10. Shorten them by about 1 page.",
            browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(ContributionStatus.Draft, await StatusAsync(id));

        await browser.SubmitAsync("main form[method=post]", new FormFill
        {
            Values = new Dictionary<string, string> { ["Input.Body"] = nine },
            Button = "button[formaction*='handler=Submit']",
        });
        Assert.Equal(ContributionStatus.Submitted, await StatusAsync(id));
        Assert.Equal(9, await Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).Select(c => c.LaidOutPages).SingleAsync()));
    }

    /// <summary>The shortest text of sample paragraphs that the book's layout puts on <paramref name="pages"/> pages.</summary>
    private async Task<string> BodyOfAsync(int pages)
    {
        var participant = await Factory.WithDbAsync(db => db.Participants.AsNoTracking().SingleAsync(p => p.Code == "LAO"));
        async Task<int> CountAsync(int paragraphs) => await Factory.WithServicesAsync(async services =>
        {
            var fields = CatalogueSteps.CompleteFields();
            var contribution = new Contribution
            {
                Title = fields["Input.Title"],
                Participant = participant,
                Provisions = CcmProvisions.Article4,
                Role = CooperationRole.Recipient,
                Modalities = CooperationModalities.Bilateral,
                Period = fields["Input.Period"],
                Body = Text(paragraphs),
                CreatedBy = "calibration",
                Authors = [new ContributionAuthor { Name = fields["Input.Authors[0].Name"], Function = fields["Input.Authors[0].Function"], Organisation = fields["Input.Authors[0].Organisation"] }],
            };
            var count = await services.GetRequiredService<ContributionLength>().CountAsync(contribution);
            return count!.Pages;
        });

        // Pages grow with paragraphs: the fewest paragraphs that reach the count.
        int low = 1, high = 400;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (await CountAsync(middle) >= pages)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        Assert.Equal(pages, await CountAsync(low));
        return Text(low);
    }

    private static string Text(int paragraphs) => "## Context\n\n" + Body(paragraphs, seed: 7);

    private Task<ContributionStatus> StatusAsync(int id) =>
        Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());
}
