using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// Nobody has to look: a submitted contribution reaches the editors by e-mail (a burst as one e-mail per interval),
/// and the editors' decision reaches the State's focal points with the comment its authors see.
/// </summary>
public sealed class ContributionNoticeTests : PortalTest
{
    private CatalogueCall call = null!;

    public override async Task InitializeAsync()
    {
        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);
        call = await CatalogueSteps.CreateCallAsync(Factory, today.AddDays(-1), today.AddDays(40));
    }

    [Fact]
    public async Task Submitting_TellsEveryEditorAtOnce_AndSubmissionsOfABurstTogetherAfterTheInterval()
    {
        var editor = await EditorAsync();
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "MEX");
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHL");
        var laos = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var chile = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "CHL");

        var first = await SubmitAsync(laos, "Clearance in Xieng Khouang");

        var told = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, editor.Email));
        Assert.Equal("A contribution waits for your decision: “Clearance in Xieng Khouang”", told.Subject);
        Assert.Contains($"/Catalogue/Contributions/{first}", told.Body, StringComparison.Ordinal);
        Assert.Contains("Clearance in Xieng Khouang (Lao People's Democratic Republic)", told.Body, StringComparison.Ordinal);
        Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, coordinator.Email));
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, member.Email));

        // A second State submits minutes later: it waits for the interval, then comes alone in one e-mail.
        Factory.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await SubmitAsync(chile, "Stockpile destruction in Chile");
        Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, editor.Email));
        Assert.Equal(0, await TellEditorsAsync());

        Factory.Time.Advance(ContributionNotices.NoticeInterval);
        Assert.Equal(1, await TellEditorsAsync());
        Assert.Equal(0, await TellEditorsAsync());
        var mails = await Mailbox.DeliverAndReadAsync(Factory, editor.Email);
        Assert.Equal(2, mails.Count);
        var burst = Assert.Single(mails, m => m.Subject.Contains("Chile", StringComparison.Ordinal));
        Assert.Equal("A contribution waits for your decision: “Stockpile destruction in Chile”", burst.Subject);
        Assert.Contains($"/Catalogue/Contributions/{second}", burst.Body, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Catalogue/Contributions/{first}", burst.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABurst_IsOneEmailPerEditor_ListingEachSubmission()
    {
        var editor = await EditorAsync();
        var laos = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        await CatalogueSteps.CreateContributionAsync(Factory, call, laos, ContributionStatus.Submitted, "First account");
        await CatalogueSteps.CreateContributionAsync(Factory, call, laos, ContributionStatus.Submitted, "Second account");

        Assert.Equal(2, await TellEditorsAsync());

        var mail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, editor.Email));
        Assert.Equal("2 contributions wait for your decision", mail.Subject);
        Assert.Contains("First account (Lao People's Democratic Republic)", mail.Body, StringComparison.Ordinal);
        Assert.Contains("Second account (Lao People's Democratic Republic)", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decisions_ReachTheStatesFocalPoints_WithTheEditorsComment()
    {
        var laos = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var laosMember = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO");
        var chile = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "CHL");
        var id = (await CatalogueSteps.CreateContributionAsync(Factory, call, laos, ContributionStatus.Submitted, "Clearance in Xieng Khouang")).Id;
        using var editor = new Browser(Factory);
        await editor.SignInAsync(Factory, await EditorAsync());

        await editor.OpenAsync($"/Catalogue/Contributions/{id}");
        await editor.SubmitAsync("main form[method=post]", new FormFill
        {
            Values = new Dictionary<string, string> { ["Review.Comment"] = "Please add the number of people who benefited." },
            Button = "button[formaction*='handler=SendBack']",
        });

        var revision = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, laos.Email));
        Assert.Equal("Revision requested: “Clearance in Xieng Khouang”", revision.Subject);
        Assert.Contains("Please add the number of people who benefited.", revision.Body, StringComparison.Ordinal);
        Assert.Contains($"/Catalogue/Contributions/{id}", revision.Body, StringComparison.Ordinal);
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, laosMember.Email));
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, chile.Email));

        await Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ContributionStatus.Submitted)));
        await editor.OpenAsync($"/Catalogue/Contributions/{id}");
        await editor.SubmitAsync("main form[method=post]", new FormFill { Button = "button[formaction*='handler=Accept']" });

        var mails = await Mailbox.DeliverAndReadAsync(Factory, laos.Email);
        Assert.Equal(2, mails.Count);
        Assert.Single(mails, m => m.Subject == "Contribution accepted: “Clearance in Xieng Khouang”");
    }

    private async Task<int> SubmitAsync(TestAccount focalPoint, string title)
    {
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, focalPoint);
        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Contribute");
        await browser.SubmitAsync("main form[method=post]", new FormFill { Values = CatalogueSteps.CompleteFields(title), Lists = CatalogueSteps.CompleteLists() });
        var path = browser.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/Catalogue/Contributions/[0-9]+/Edit$", path);
        await browser.SubmitAsync("main form[method=post]", new FormFill { Button = "button[formaction*='handler=Submit']" });
        var id = int.Parse(path.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(ContributionStatus.Submitted, await Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        return id;
    }

    private Task<int> TellEditorsAsync() =>
        Factory.WithServicesAsync(sp => sp.GetRequiredService<ContributionNotices>().TellEditorsAsync());

    private async Task<TestAccount> EditorAsync()
    {
        var editor = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "ESP");
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
        return editor;
    }
}
