using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// "Not later than 30 April" is the end of that day in the call's time zone, checked on the server with the app's clock;
/// an extension moves the day for one participant only.
/// </summary>
public sealed class ContributionDeadlineTests : PortalTest
{
    // 30 April 2027 ends at 22:00 UTC in Geneva (summer time, UTC+2).
    private static readonly DateOnly Deadline = new(2027, 4, 30);
    private static readonly DateTimeOffset LastSecond = new(2027, 4, 30, 21, 59, 59, TimeSpan.Zero);

    [Fact]
    public async Task Submit_OneSecondBeforeMidnightInGeneva_IsTaken_AndAtMidnightIsRefused()
    {
        var call = await CatalogueSteps.CreateCallAsync(Factory, new DateOnly(2027, 1, 15), Deadline);
        var laos = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var chile = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "CHL");
        Factory.Time.SetUtcNow(LastSecond.AddHours(-1));
        using var early = new Browser(Factory);
        await early.SignInAsync(Factory, laos);
        var first = await StartDraftAsync(early, call.Id);
        using var late = new Browser(Factory);
        await late.SignInAsync(Factory, chile);
        var second = await StartDraftAsync(late, call.Id);

        Factory.Time.SetUtcNow(LastSecond);
        await early.OpenAsync($"/Catalogue/Contributions/{first}/Edit");
        Assert.Contains("Closes today, at the end of 30 April 2027 (Geneva time): less than an hour left.", early.Find("[data-testid=time-left]"), StringComparison.Ordinal);
        await SubmitAsync(early);
        Assert.Equal($"/Catalogue/Contributions/{first}/Submitted", early.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);

        Factory.Time.SetUtcNow(LastSecond.AddSeconds(1));
        await late.OpenAsync($"/Catalogue/Contributions/{second}/Edit");
        Assert.Equal("Closed at the end of 30 April 2027 (Geneva time).", late.Find("[data-testid=time-left]"));
        await SubmitAsync(late);
        Assert.Contains("The call closed at the end of 30 April 2027 (Geneva time).", late.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(ContributionStatus.Draft, await StatusAsync(second));

        // Nor can a new one be started.
        var start = await late.GetAsync($"/Catalogue/Calls/{call.Id}/Contribute");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        await late.OpenAsync($"/Catalogue/Calls/{call.Id}/Contribute");
        await late.SubmitAsync("main form[method=post]", new FormFill { Values = new Dictionary<string, string> { ["Input.Title"] = "Too late" } });
        Assert.Contains("The call closed", late.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(2, await Factory.WithDbAsync(db => db.Contributions.CountAsync()));
    }

    [Fact]
    public async Task Deadline_InAnotherTimeZone_ClosesAtMidnightThere()
    {
        // Bangkok is UTC+7 all year: 30 April ends at 17:00 UTC.
        var call = await CatalogueSteps.CreateCallAsync(Factory, new DateOnly(2027, 1, 15), Deadline, timeZone: "Asia/Bangkok");
        var laos = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        Factory.Time.SetUtcNow(new DateTimeOffset(2027, 4, 30, 16, 0, 0, TimeSpan.Zero));
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, laos);
        var id = await StartDraftAsync(browser, call.Id);

        Factory.Time.SetUtcNow(new DateTimeOffset(2027, 4, 30, 17, 0, 0, TimeSpan.Zero));
        await browser.OpenAsync($"/Catalogue/Contributions/{id}/Edit");
        await SubmitAsync(browser);

        Assert.Contains("The call closed at the end of 30 April 2027 (Asia/Bangkok time).", browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extension_AppliesToItsParticipantOnly()
    {
        var call = await CatalogueSteps.CreateCallAsync(Factory, new DateOnly(2027, 1, 15), Deadline);
        var laos = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var chile = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "CHL");
        var editor = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "ESP");
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));

        Factory.Time.SetUtcNow(LastSecond.AddDays(-1));
        using var editorBrowser = new Browser(Factory);
        await editorBrowser.SignInAsync(Factory, editor);
        await editorBrowser.OpenAsync($"/Catalogue/Calls/{call.Id}");
        await editorBrowser.SubmitAsync("form[action*='handler=Extend']", new Dictionary<string, string>
        {
            ["Extension.ParticipantId"] = CatalogueSteps.Id(laos.ParticipantId),
            ["Extension.Deadline"] = "2027-05-15",
        });
        Assert.Contains($"{laos.ParticipantName} may submit until the end of 15 May 2027 (Geneva time).", editorBrowser.Find("[role=status]"), StringComparison.Ordinal);

        Factory.Time.SetUtcNow(LastSecond.AddDays(3));
        using var laosBrowser = new Browser(Factory);
        await laosBrowser.SignInAsync(Factory, laos);
        await laosBrowser.OpenAsync($"/Catalogue/Calls/{call.Id}");
        Assert.Equal("Closes in 12 days, at the end of 15 May 2027 (Geneva time).", laosBrowser.Find("[data-testid=time-left]"));
        var id = await StartDraftAsync(laosBrowser, call.Id);
        await SubmitAsync(laosBrowser);
        Assert.Equal(ContributionStatus.Submitted, await StatusAsync(id));

        using var chileBrowser = new Browser(Factory);
        await chileBrowser.SignInAsync(Factory, chile);
        await chileBrowser.OpenAsync($"/Catalogue/Calls/{call.Id}");
        Assert.Equal("Closed at the end of 30 April 2027 (Geneva time).", chileBrowser.Find("[data-testid=time-left]"));
        Assert.Null(chileBrowser.Page!.QuerySelector($"a[href='/Catalogue/Calls/{call.Id}/Contribute']"));
    }

    private static async Task<int> StartDraftAsync(Browser browser, int callId)
    {
        await browser.OpenAsync($"/Catalogue/Calls/{callId}/Contribute");
        await browser.SubmitAsync("main form[method=post]", new FormFill { Values = CatalogueSteps.CompleteFields(), Lists = CatalogueSteps.CompleteLists() });
        var path = browser.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/Catalogue/Contributions/[0-9]+/Edit$", path);
        return int.Parse(path.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task SubmitAsync(Browser browser) =>
        browser.SubmitAsync("main form[method=post]", new FormFill { Button = "button[formaction*='handler=Submit']" });

    private Task<ContributionStatus> StatusAsync(int id) =>
        Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());
}
