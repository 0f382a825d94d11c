using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Data;
using Portal.Features.Notices;
using Portal.Pages.Account.Manage;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// At once or in a daily summary, each account's choice: the choice is made on the account's own page; those who chose
/// the summary are left out of the at-once e-mails and get, once a local day at the summary hour, one e-mail listing what
/// waits for them to act on, and nothing else. Through the real forms, the real job and the real SMTP sink.
/// </summary>
public sealed class DailySummaryTests : PortalTest
{
    private static readonly TimeZoneInfo Zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");

    [Fact]
    public async Task Choice_IsSavedThroughThePage_ShownOnTheAccountPage_AndRefusedWhenNothingValidIsChosen()
    {
        var focalPoint = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, focalPoint);
        await browser.OpenAsync("/Account/Manage");
        Assert.StartsWith("At once", browser.Find("[data-testid=notice-choice]"), StringComparison.Ordinal);
        Assert.NotNull(browser.Page!.QuerySelector("a[href='/Account/Manage/Notices']"));

        await browser.OpenAsync("/Account/Manage/Notices");
        Assert.Equal("How do you want to hear of what waits for you?", browser.Find("legend h1"));
        Assert.NotNull(browser.Page!.QuerySelector("input[value=AtOnce][checked]"));
        await browser.SubmitAsync("main form[method=post]", new Dictionary<string, string> { ["Input.Timing"] = nameof(NoticeTiming.DailySummary) });

        Assert.Equal("/Account/Manage/Notices", browser.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.StartsWith("Your choice is saved: from now on you get one e-mail a day, at 7:00 Geneva time", browser.Find("[role=status]"), StringComparison.Ordinal);
        Assert.NotNull(browser.Page!.QuerySelector("input[value=DailySummary][checked]"));
        await browser.OpenAsync("/Account/Manage");
        Assert.StartsWith("One e-mail a day", browser.Find("[data-testid=notice-choice]"), StringComparison.Ordinal);
        var saved = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == focalPoint.Email).Select(u => new { u.Notices, u.LastSummaryDay }).SingleAsync());
        Assert.Equal(NoticeTiming.DailySummary, saved.Notices);
        // The summary already due counts as had: the first comes at the next summary hour.
        Assert.Equal(SummaryClock.DayDue(Factory.Time.GetUtcNow(), Zurich, 7), saved.LastSummaryDay);

        // No choice (a value that is none of the radios is not sent), or a number in place of a name: the page asks again.
        await browser.OpenAsync("/Account/Manage/Notices");
        await browser.SubmitAsync("main form[method=post]", new Dictionary<string, string> { ["Input.Timing"] = "Weekly" });
        Assert.Contains(NoticesModel.ChoiceMissing, browser.Find("[data-testid=errors]") ?? "", StringComparison.Ordinal);
        Assert.NotNull(browser.Page!.QuerySelector("[data-testid=errors] a[href='#Input_Timing']"));
        var token = browser.Page!.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await browser.PostAsync("/Account/Manage/Notices", [new("__RequestVerificationToken", token), new("Input.Timing", "0")]);
        Assert.Contains(NoticesModel.ChoiceMissing, browser.Find("[data-testid=errors]") ?? "", StringComparison.Ordinal);
        Assert.Equal(NoticeTiming.DailySummary, await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == focalPoint.Email).Select(u => u.Notices).SingleAsync()));

        // Without the antiforgery token nothing is saved.
        var refused = await browser.PostAsync("/Account/Manage/Notices", [new("Input.Timing", nameof(NoticeTiming.AtOnce))]);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(NoticeTiming.DailySummary, await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == focalPoint.Email).Select(u => u.Notices).SingleAsync()));
    }

    [Fact]
    public async Task AccessRequest_EmailsTheAtOnceCoordinator_AndReachesTheDailyOneInOneSummaryADay_WhileItWaits()
    {
        var atOnce = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test");
        var daily = await DailyAsync(await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-two"));
        var member = await DailyAsync(await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO"));
        var observer = await DailyAsync(await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-test"));

        var request = await RequestAccessAsync("Waiting Delegate", $"waiting.{Guid.NewGuid():N}@mission.test");

        Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, atOnce.Email), m => m.Subject == $"A request for access is waiting (#{request})");
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, daily.Email));

        // Before the summary hour, nothing; at it, one e-mail; a second run the same day, nothing more.
        var justBefore = SummaryClock.NextAt(Factory.Time.GetUtcNow(), Zurich, 7) - TimeSpan.FromMinutes(1);
        if (justBefore > Factory.Time.GetUtcNow())
        {
            Factory.Time.SetUtcNow(justBefore);
        }

        Assert.Equal(0, await RunSummaryAsync());
        var day = AdvanceToSummaryHour();
        Assert.Equal(1, await RunSummaryAsync());
        Assert.Equal(0, await RunSummaryAsync());
        var summary = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, daily.Email));
        Assert.Equal($"What waits for you on the portal, {day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}", summary.Subject);
        Assert.Contains("1 access request is waiting for your decision.", summary.Body, StringComparison.Ordinal);
        Assert.Contains($"#{request}: Waiting Delegate, Head of mine action, <waiting.", summary.Body, StringComparison.Ordinal);
        Assert.Contains("http://portal.test/Admin/Requests", summary.Body, StringComparison.Ordinal);
        Assert.Contains("http://portal.test/Account/Manage/Notices", summary.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("contribution", summary.Body, StringComparison.Ordinal);
        Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, atOnce.Email));

        // The next day it still waits, with another: told again, both.
        var second = await RequestAccessAsync("Second Delegate", $"second.{Guid.NewGuid():N}@mission.test");
        Assert.DoesNotContain((await Mailbox.DeliverAndReadAsync(Factory, daily.Email)), m => m.Subject.Contains("request", StringComparison.Ordinal));
        AdvanceToSummaryHour();
        Assert.Equal(1, await RunSummaryAsync());
        var next = await Mailbox.DeliverAndReadAsync(Factory, daily.Email);
        Assert.Equal(2, next.Count);
        Assert.Single(next, m => m.Body.Contains("2 access requests are waiting for your decision.", StringComparison.Ordinal)
            && m.Body.Contains($"#{second}: Second Delegate", StringComparison.Ordinal));

        // A third day: the first request has waited three days and is still in the summary.
        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        AdvanceToSummaryHour();
        Assert.Equal(1, await RunSummaryAsync());
        var third = await Mailbox.DeliverAndReadAsync(Factory, daily.Email);
        Assert.Equal(3, third.Count);
        Assert.Equal(2, third.Count(m => m.Body.Contains($"#{request}: Waiting Delegate", StringComparison.Ordinal)
            && m.Body.Contains("2 access requests are waiting for your decision.", StringComparison.Ordinal)));

        // Decided: nothing waits, no e-mail.
        foreach (var id in new[] { request, second })
        {
            Assert.Null(await Factory.WithServicesAsync(sp => sp.GetRequiredService<Portal.Features.Access.AccessRequests>().RejectAsync(id, "Please ask your mission.")));
        }

        AdvanceToSummaryHour();
        Assert.Equal(0, await RunSummaryAsync());
        Assert.Equal(3, (await Mailbox.DeliverAndReadAsync(Factory, daily.Email)).Count);

        // A member and an observer act on none of it: never a summary.
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, member.Email));
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, observer.Email));
    }

    [Fact]
    public async Task Contributions_ReachEditorsAndFocalPointsAtOnceOrInTheSummary_EachSeeingOnlyWhatTheyMayActOn()
    {
        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);
        var call = await CatalogueSteps.CreateCallAsync(Factory, today.AddDays(-1), today.AddDays(40));
        var editorNow = await EditorAsync("ESP");
        var editorDaily = await DailyAsync(await EditorAsync("FRA"));
        var laosNow = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var laosDaily = await DailyAsync(await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO"));
        var laosMember = await DailyAsync(await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO"));
        var chileDaily = await DailyAsync(await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "CHL"));

        // A submission: the at-once editor is e-mailed, the daily one is not.
        var sentBack = await SubmitAsync(laosNow, call, "Clearance in Xieng Khouang");
        Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, editorNow.Email));
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, editorDaily.Email));

        // Sent back: the at-once focal point is e-mailed the revision asked for, the daily one is not.
        using (var editor = new Browser(Factory))
        {
            await editor.SignInAsync(Factory, editorNow);
            await editor.OpenAsync($"/Catalogue/Contributions/{sentBack}");
            await editor.SubmitAsync("main form[method=post]", new FormFill
            {
                Values = new Dictionary<string, string> { ["Review.Comment"] = "Please add the number of people who benefited." },
                Button = "button[formaction*='handler=SendBack']",
            });
        }

        Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, laosNow.Email), m => m.Subject.StartsWith("Revision requested", StringComparison.Ordinal));
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, laosDaily.Email));

        var waiting = await CatalogueSteps.CreateContributionAsync(Factory, call, laosNow, ContributionStatus.Submitted, "Victim assistance in Savannakhet");
        var edited = await CatalogueSteps.CreateContributionAsync(Factory, call, laosNow, ContributionStatus.Accepted, "Risk education in schools");
        await ProposeCopyEditAsync(edited.Id, editorNow);
        var chile = await CatalogueSteps.CreateContributionAsync(Factory, call, chileDaily, ContributionStatus.RevisionRequested, "Stockpile destruction in Chile");

        AdvanceToSummaryHour();
        Assert.Equal(3, await RunSummaryAsync());

        var forEditor = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, editorDaily.Email)).Body;
        Assert.Contains("1 contribution is waiting for the editors' decision.", forEditor, StringComparison.Ordinal);
        Assert.Contains($"- Victim assistance in Savannakhet (Lao People's Democratic Republic)\n  http://portal.test/Catalogue/Contributions/{waiting.Id}\n", forEditor, StringComparison.Ordinal);
        Assert.DoesNotContain("Xieng Khouang", forEditor, StringComparison.Ordinal);
        Assert.DoesNotContain("Chile", forEditor, StringComparison.Ordinal);
        Assert.DoesNotContain("access request", forEditor, StringComparison.Ordinal);

        var forLaos = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, laosDaily.Email)).Body;
        Assert.Contains("The editors asked your State to revise 1 contribution.", forLaos, StringComparison.Ordinal);
        Assert.Contains($"- Clearance in Xieng Khouang (Lao People's Democratic Republic)\n  http://portal.test/Catalogue/Contributions/{sentBack}\n", forLaos, StringComparison.Ordinal);
        Assert.Contains("The editors' changes to 1 contribution of your State wait for your sign-off.", forLaos, StringComparison.Ordinal);
        Assert.Contains($"http://portal.test/Catalogue/Contributions/{edited.Id}/SignOff", forLaos, StringComparison.Ordinal);
        Assert.DoesNotContain("Savannakhet", forLaos, StringComparison.Ordinal);
        Assert.DoesNotContain("Chile", forLaos, StringComparison.Ordinal);

        var forChile = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, chileDaily.Email)).Body;
        Assert.Contains("The editors asked your State to revise 1 contribution.", forChile, StringComparison.Ordinal);
        Assert.Contains($"http://portal.test/Catalogue/Contributions/{chile.Id}\n", forChile, StringComparison.Ordinal);
        Assert.DoesNotContain("Lao", forChile, StringComparison.Ordinal);

        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, laosMember.Email));

        // The home page shows the same.
        using var home = new Browser(Factory);
        await home.SignInAsync(Factory, laosDaily);
        await home.OpenAsync("/");
        Assert.Equal("The editors asked your State to revise 1 contribution.", home.Find("[data-testid=revision-requested]"));
        Assert.Equal("The editors' changes to 1 contribution of your State wait for your sign-off.", home.Find("[data-testid=copy-edits]"));
        Assert.Null(home.Find("[data-testid=awaiting-review]"));
    }

    /// <summary>Moves the clock to the next summary hour; returns the local day it starts.</summary>
    private DateOnly AdvanceToSummaryHour()
    {
        var at = SummaryClock.NextAt(Factory.Time.GetUtcNow(), Zurich, 7);
        Factory.Time.SetUtcNow(at);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zurich).DateTime);
    }

    /// <summary>One run of the summary's background job; returns how many summaries it queued.</summary>
    private Task<int> RunSummaryAsync() => Factory.WithServicesAsync(async sp =>
    {
        var before = await sp.GetRequiredService<PortalDbContext>().Outbox.CountAsync(m => m.Kind == NoticeMail.DailySummaryKind);
        await Factory.Services.GetServices<IHostedService>().OfType<DailySummaryJob>().Single().RunOnceAsync();
        return await sp.GetRequiredService<PortalDbContext>().Outbox.CountAsync(m => m.Kind == NoticeMail.DailySummaryKind) - before;
    });

    /// <summary>The account chooses the daily summary now, as the page records it: its first summary is the next one.</summary>
    private async Task<TestAccount> DailyAsync(TestAccount account)
    {
        var firstAfter = SummaryClock.DayDue(Factory.Time.GetUtcNow(), Zurich, 7);
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == account.Email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Notices, NoticeTiming.DailySummary).SetProperty(u => u.LastSummaryDay, firstAfter)));
        return account;
    }

    private async Task<TestAccount> EditorAsync(string participant)
    {
        var editor = await TestAccounts.CreateAsync(Factory, PortalRole.Member, participant);
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
        return editor;
    }

    private Task ProposeCopyEditAsync(int contributionId, TestAccount editor) => Factory.WithDbAsync(async db =>
    {
        db.ContributionEdits.Add(new ContributionEdit
        {
            ContributionId = contributionId,
            BasedOnVersion = 1,
            Title = "Risk education in schools",
            Body = "Teams cleared 1,250 hectares.",
            Note = "The area.",
            EditorId = await db.Users.Where(u => u.Email == editor.Email).Select(u => u.Id).SingleAsync(),
            ProposedAt = Factory.Time.GetUtcNow(),
            Status = ContributionEditStatus.Proposed,
        });
        return await db.SaveChangesAsync();
    });

    private async Task<int> SubmitAsync(TestAccount focalPoint, CatalogueCall call, string title)
    {
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, focalPoint);
        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Contribute");
        await browser.SubmitAsync("main form[method=post]", new FormFill { Values = CatalogueSteps.CompleteFields(title), Lists = CatalogueSteps.CompleteLists() });
        var path = browser.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath;
        await browser.SubmitAsync("main form[method=post]", new FormFill { Button = "button[formaction*='handler=Submit']" });
        return int.Parse(path.Split('/')[3], CultureInfo.InvariantCulture);
    }

    private async Task<int> RequestAccessAsync(string name, string email)
    {
        using var visitor = new Browser(Factory);
        await visitor.OpenAsync("/Access/Request");
        var participantId = await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "LBN").Select(p => p.Id).SingleAsync());
        await visitor.SubmitAsync("form", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Email"] = email,
            ["Input.ParticipantId"] = participantId.ToString(CultureInfo.InvariantCulture),
            ["Input.Position"] = "Head of mine action",
        });
        Assert.Contains("your request has been sent", visitor.Text, StringComparison.OrdinalIgnoreCase);
        return await Factory.WithDbAsync(db => db.AccessRequests.Where(r => r.Email == email).Select(r => r.Id).SingleAsync());
    }
}

/// <summary>Two instances run the summary at the same moment: each account gets one e-mail for the day.</summary>
public sealed class DailySummaryInstancesTests : TwoInstanceTest
{
    [Fact]
    public async Task TwoInstancesAtTheSummaryHour_SendEachAccountOneSummary()
    {
        var zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");
        var coordinators = new List<TestAccount>();
        for (var i = 0; i < 4; i++)
        {
            coordinators.Add(await TestAccounts.CreateAsync(First, PortalRole.Coordinator, $"isu-{i}"));
        }

        await First.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Role == PortalRole.Coordinator).ExecuteUpdateAsync(s => s.SetProperty(u => u.Notices, NoticeTiming.DailySummary));
            var participant = await db.Participants.Where(p => p.Code == "LBN").Select(p => p.Id).SingleAsync();
            db.AccessRequests.Add(new AccessRequest
            {
                Name = "Waiting Delegate",
                Email = "waiting@mission.test",
                NormalizedEmail = "WAITING@MISSION.TEST",
                ParticipantId = participant,
                Position = "Head of mine action",
                CreatedAt = First.Time.GetUtcNow(),
                Status = AccessRequestStatus.Pending,
            });
            return await db.SaveChangesAsync();
        });

        var at = SummaryClock.NextAt(First.Time.GetUtcNow(), zurich, 7);
        First.Time.SetUtcNow(at);
        Second.Time.SetUtcNow(at);
        await Task.WhenAll(RunAsync(First), RunAsync(Second), RunAsync(First), RunAsync(Second));

        var sent = await First.WithDbAsync(db => db.Outbox.Where(m => m.Kind == NoticeMail.DailySummaryKind).Select(m => m.To).ToListAsync());
        Assert.Equal(coordinators.Select(c => c.Email).Order(StringComparer.Ordinal), sent.Order(StringComparer.Ordinal));
    }

    private static Task RunAsync(PortalFactory instance) =>
        instance.Services.GetServices<IHostedService>().OfType<DailySummaryJob>().Single().RunOnceAsync();
}
