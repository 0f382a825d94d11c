using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.EntryCodes;
using Portal.Features.Interests;
using Portal.Features.Notices;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// Expressions of interest through the real pages and the SMTP sink: who may express, who is e-mailed with what, who may
/// read the connection, the replies and states, the limits, and the counts on the statistics page.
/// </summary>
public sealed class InterestTests : PortalTest
{
    private readonly List<Browser> browsers = [];

    private static PostingSteps.Draft LaoNeed => new()
    {
        Kind = PostingKind.Need,
        Title = "Prosthetics workshop in Xieng Khouang",
        Visibility = Visibility.StatesOnly,
        ContactPoint = "Victim assistance desk, va-desk@lao.test",
    };

    [Fact]
    public async Task Express_EmailsTheOwnersFocalPointsWhoChoseAtOnce_WithTheContactPoint_ThenTheThreadRunsToProjectAgreed()
    {
        var (lao, laoAccount) = await SignedInAsync(PortalRole.FocalPoint, "LAO");
        var need = await lao.PublishAsync(LaoNeed);
        var summaryReader = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO", email: $"summary.{Guid.NewGuid():N}@example.test");
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == summaryReader.Email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Notices, NoticeTiming.DailySummary)));
        var laoMember = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO", email: $"member.{Guid.NewGuid():N}@example.test");
        var otherState = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "KHM");
        var (deu, deuAccount) = await SignedInAsync(PortalRole.FocalPoint, "DEU");

        await deu.OpenAsync($"/Postings/{need}");
        Assert.Equal($"/Postings/{need}/Interest", deu.Page!.QuerySelector("[data-testid=express-interest]")!.GetAttribute("href"));
        await deu.OpenAsync($"/Postings/{need}/Interest");
        Assert.Contains(deuAccount.Email, deu.Find("[data-testid=own-contact]"), StringComparison.Ordinal);
        await deu.SubmitAsync("[data-testid=send-interest]", new Dictionary<string, string>
        {
            ["Input.Message"] = "Germany funds prosthetics training in the region.\nCould we talk about a second workshop?",
        });
        Assert.Equal("Interest sent", deu.Find("[data-testid=confirmation] h1"));
        var interest = await Factory.WithDbAsync(db => db.Interests.AsNoTracking().SingleAsync(i => i.PostingId == need));
        Assert.Equal(InterestState.Open, interest.State);

        // The owner's focal point who chose "at once" is told, with Germany's contact point and a link that works.
        var mail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, laoAccount.Email), m => m.Subject.Contains("is interested", StringComparison.Ordinal));
        Assert.Equal("Germany is interested in your need “Prosthetics workshop in Xieng Khouang”", mail.Subject);
        Assert.Contains($"Test FocalPoint <{deuAccount.Email}>", mail.Body, StringComparison.Ordinal);
        Assert.Contains("> Could we talk about a second workshop?", mail.Body, StringComparison.Ordinal);
        Assert.Equal($"/Connections/{interest.Id}", Mailbox.LinkIn(mail, "/Connections/"));
        // An answer by e-mail goes to the person who wrote, not to the portal's address; the HTML part says the same.
        Assert.Equal(deuAccount.Email, mail.ReplyTo);
        Assert.Contains("Could we talk about a second workshop?", mail.Html, StringComparison.Ordinal);
        // Nobody else: not the one who reads a daily summary, not a member, not another State, not the sender.
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, summaryReader.Email));
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, laoMember.Email));
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, otherState.Email));
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, deuAccount.Email));

        // The owner finds it on the home page and in My connections, with both contact points.
        await lao.OpenAsync("/");
        Assert.Contains("1 expression of interest in your postings is waiting for an answer.", lao.Find("[data-testid=waiting]"), StringComparison.Ordinal);
        await lao.OpenAsync("/Connections");
        Assert.Equal("Waiting for an answer", lao.Page!.QuerySelector("[data-testid=received] [data-testid=state]")!.TextContent.Trim());
        await lao.OpenAsync($"/Connections/{interest.Id}");
        Assert.Contains(deuAccount.Email, lao.Find("[data-testid=interested-contact]"), StringComparison.Ordinal);
        Assert.Contains("va-desk@lao.test", lao.Find("[data-testid=owner-contact]"), StringComparison.Ordinal);

        // The owner's reply answers it: in discussion, and Germany is told.
        await lao.SubmitAsync("[data-testid=send-reply]", new Dictionary<string, string> { ["Input.Text"] = "Yes: shall we meet in Geneva?" });
        Assert.Equal("In discussion", lao.Find("[data-testid=connection-state]"));
        var reply = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, deuAccount.Email), m => m.Subject.Contains("replied", StringComparison.Ordinal));
        Assert.Equal("Lao People's Democratic Republic replied about “Prosthetics workshop in Xieng Khouang”", reply.Subject);
        Assert.Contains("> Yes: shall we meet in Geneva?", reply.Body, StringComparison.Ordinal);
        await deu.OpenAsync("/");
        Assert.Contains("1 connection has a reply waiting for your answer.", deu.Find("[data-testid=waiting]"), StringComparison.Ordinal);
        await deu.OpenAsync($"/Connections/{interest.Id}");
        Assert.Contains("va-desk@lao.test", deu.Find("[data-testid=owner-contact]"), StringComparison.Ordinal);
        Assert.Equal(["Yes: shall we meet in Geneva?"], deu.Page!.QuerySelectorAll("[data-testid=reply]").Select(r => r.TextContent.Trim()));
        // Germany may only withdraw; the owner moves it forward.
        Assert.Null(deu.Page.QuerySelector("[data-testid=state-projectagreed]"));
        Assert.NotNull(deu.Page.QuerySelector("[data-testid=state-closed]"));

        await lao.OpenAsync($"/Connections/{interest.Id}");
        await lao.SubmitAsync("[data-testid=state-projectagreed]");
        Assert.Equal("Project agreed", lao.Find("[data-testid=connection-state]"));
        Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, deuAccount.Email), m => m.Subject.EndsWith("is now: project agreed", StringComparison.Ordinal));
        // A project agreed is settled: the owner's last reply no longer waits for Germany's answer.
        await deu.OpenAsync("/");
        Assert.DoesNotContain("reply waiting", deu.Text, StringComparison.Ordinal);
        // The two may still write; a reply now waits for no answer, so it is news even for who reads a daily summary.
        await deu.OpenAsync($"/Connections/{interest.Id}");
        await deu.SubmitAsync("[data-testid=send-reply]", new Dictionary<string, string> { ["Input.Text"] = "Thank you: see you in Geneva." });
        Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, summaryReader.Email), m => m.Subject.StartsWith("Germany replied", StringComparison.Ordinal));

        await lao.OpenAsync("/Statistics");
        Assert.Equal("1 expression of interest, which became a project agreed.", lao.Find("[data-testid=interests-total]"));
        var csv = await (await lao.GetAsync("/Statistics?handler=Csv")).Content.ReadAsStringAsync();
        Assert.Contains("\r\ninterests,Expressions of interest,1\r\nprojects_agreed,Projects agreed,1\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\r\ninterests_by_state,Project agreed,1\r\n", csv, StringComparison.Ordinal);

        var audited = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Target == $"connection {interest.Id}")
            .Select(a => a.Action).ToListAsync());
        Assert.Equal(["InterestExpressed", "InterestReplied", "InterestReplied", "InterestStateChanged", "InterestStateChanged"], audited.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UnrelatedParticipant_Gets404_OnTheThreadAndItsForms_TheCoordinatorOnlyReads_AndAReplyRacingAWithdrawalIsNotSaved()
    {
        var (lao, _) = await SignedInAsync(PortalRole.FocalPoint, "LAO");
        var need = await lao.PublishAsync(LaoNeed);
        var (deu, deuAccount) = await SignedInAsync(PortalRole.FocalPoint, "DEU");
        var id = await ExpressAsync(deu, need, "We could help.");
        var (irq, _) = await SignedInAsync(PortalRole.FocalPoint, "IRQ");

        Assert.Equal(HttpStatusCode.NotFound, (await irq.GetAsync($"/Connections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await irq.GetAsync($"/Connections/{id}/Sent")).StatusCode);
        await irq.OpenAsync("/Connections");
        var token = irq.Token();
        Assert.Equal(HttpStatusCode.NotFound, (await irq.PostAsync($"/Connections/{id}?handler=Reply",
            [new("__RequestVerificationToken", token), new("Input.Text", "Hello")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await irq.PostAsync($"/Connections/{id}?handler=State",
            [new("__RequestVerificationToken", token), new("to", nameof(InterestState.Closed))])).StatusCode);
        Assert.DoesNotContain("Prosthetics", irq.Text, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.InterestReplies.CountAsync()));

        // Germany may not move it forward either: only withdraw.
        await deu.OpenAsync($"/Connections/{id}");
        await deu.PostAsync($"/Connections/{id}?handler=State", [new("__RequestVerificationToken", deu.Token()), new("to", nameof(InterestState.ProjectAgreed))]);
        Assert.Equal(InterestState.Open, await Factory.WithDbAsync(db => db.Interests.Where(i => i.Id == id).Select(i => i.State).SingleAsync()));
        // The confirmation is the interested side's only.
        Assert.Equal(HttpStatusCode.OK, (await deu.GetAsync($"/Connections/{id}/Sent")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lao.GetAsync($"/Connections/{id}/Sent")).StatusCode);

        // The coordinator reads the connection, and neither replies nor moves it: no forms, and a POST is refused.
        var (coordinator, _) = await SignedInAsync(PortalRole.Coordinator, "isu-interest", twoFactor: true);
        await coordinator.OpenAsync($"/Connections/{id}");
        Assert.Equal(HttpStatusCode.OK, coordinator.LastResponse!.StatusCode);
        Assert.Equal("We could help.", coordinator.Find("[data-testid=message]"));
        Assert.Null(coordinator.Page!.QuerySelector("[data-testid=send-reply]"));
        Assert.Null(coordinator.Page.QuerySelector("[data-testid^=state-]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsync($"/Connections/{id}?handler=Reply",
            [new("__RequestVerificationToken", coordinator.Token()), new("Input.Text", "A word from the unit")])).StatusCode);
        await coordinator.OpenAsync($"/Connections/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsync($"/Connections/{id}?handler=State",
            [new("__RequestVerificationToken", coordinator.Token()), new("to", nameof(InterestState.Closed))])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/Connections/{id}/Sent")).StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.InterestReplies.CountAsync()));
        Assert.Equal(InterestState.Open, await Factory.WithDbAsync(db => db.Interests.Where(i => i.Id == id).Select(i => i.State).SingleAsync()));

        // A reply from Germany racing a withdrawal is not saved: the state the page read is the condition of the save.
        var germany = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == deuAccount.Email).Select(u => new { u.Id, u.ParticipantId }).SingleAsync());
        var saved = await Factory.WithServicesAsync(async sp =>
        {
            var stale = await sp.GetRequiredService<PortalDbContext>().Interests.Include(i => i.Replies).SingleAsync(i => i.Id == id);
            await Factory.WithDbAsync(db => db.Interests.Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.State, InterestState.Closed)));
            var reader = new Reader(germany.ParticipantId, true, false, PortalRole.FocalPoint, true, germany.Id);
            return await sp.GetRequiredService<InterestCommands>().ReplyAsync(reader, stale, InterestSide.Interested, "Too late.");
        });
        Assert.False(saved);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.InterestReplies.CountAsync()));
    }

    [Fact]
    public async Task NobodyExpressesInterest_WhereTheyMayNot_OwnPosting_ObserverOnStatesOnly_Withdrawn_EntryCode()
    {
        var (lao, _) = await SignedInAsync(PortalRole.FocalPoint, "LAO");
        var statesOnly = await lao.PublishAsync(LaoNeed);
        var open = await lao.PublishAsync(LaoNeed with { Title = "Open to observers too", Visibility = Visibility.StatesAndObservers });
        var withdrawn = await lao.PublishAsync(LaoNeed with { Title = "Withdrawn need" });
        await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == withdrawn)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PostingStatus.Withdrawn).SetProperty(p => p.ClosedAt, Factory.Time.GetUtcNow())));

        // Its own participant's posting: no button but the reason, and the page says it too.
        const string OwnPosting = "This is your participant's own posting: others express interest in it, and you find their messages under My connections.";
        await lao.OpenAsync($"/Postings/{open}");
        Assert.Null(lao.Page!.QuerySelector("[data-testid=express-interest]"));
        Assert.Equal(OwnPosting, lao.Find("[data-testid=express-refusal]"));
        await lao.OpenAsync($"/Postings/{open}/Interest");
        Assert.Equal(HttpStatusCode.Forbidden, lao.LastResponse!.StatusCode);
        Assert.Equal(OwnPosting, lao.Find("[data-testid=express-refusal]"));
        Assert.Null(lao.Page.QuerySelector("[data-testid=send-interest]"));

        // An observer: the posting opened to observers yes, the States-only one not (GET nor POST).
        var (observer, _) = await SignedInAsync(PortalRole.Observer, "ngo-interest");
        await observer.OpenAsync($"/Postings/{open}");
        Assert.NotNull(observer.Page!.QuerySelector("[data-testid=express-interest]"));
        Assert.Equal(HttpStatusCode.NotFound, (await observer.GetAsync($"/Postings/{statesOnly}/Interest")).StatusCode);
        await observer.OpenAsync($"/Postings/{open}/Interest");
        Assert.Equal(HttpStatusCode.NotFound, (await observer.PostAsync($"/Postings/{statesOnly}/Interest",
            [new("__RequestVerificationToken", observer.Token()), new("Input.Message", "Let us in")])).StatusCode);

        // Once the posting is opened to States only, the observer's connection no longer shows its link or contact point.
        var observed = await ExpressAsync(observer, open, "We could help.");
        await observer.OpenAsync($"/Connections/{observed}");
        Assert.Contains("va-desk@lao.test", observer.Find("[data-testid=owner-contact]"), StringComparison.Ordinal);
        await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == open)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Visibility, Visibility.StatesOnly)));
        await observer.OpenAsync($"/Connections/{observed}");
        Assert.Equal("This posting is no longer open to you.", observer.Find("[data-testid=posting-closed]"));
        Assert.Null(observer.Page!.QuerySelector("[data-testid=owner-contact]"));
        Assert.DoesNotContain("va-desk@lao.test", observer.Text, StringComparison.Ordinal);
        Assert.Null(observer.Page.QuerySelector($"a[href='/Postings/{open}']"));

        // A withdrawn posting takes no interest.
        var (deu, _) = await SignedInAsync(PortalRole.FocalPoint, "DEU");
        Assert.Equal(HttpStatusCode.NotFound, (await deu.GetAsync($"/Postings/{withdrawn}/Interest")).StatusCode);

        // An entry-code session speaks for nobody: no button, and the page refuses it.
        using var visitor = new Browser(Factory);
        await EnterWithCodeAsync(visitor);
        await visitor.OpenAsync($"/Postings/{open}");
        Assert.Contains("Open to observers too", visitor.Find("h1"), StringComparison.Ordinal);
        Assert.Null(visitor.Page!.QuerySelector("[data-testid=express-interest]"));
        Assert.Equal("Interest is expressed from a participant's account: a visit with an entry code cannot express it.", visitor.Find("[data-testid=express-refusal]"));
        Assert.Equal("/Account/AccessDenied", Browser.RedirectPath(await visitor.GetAsync($"/Postings/{open}/Interest")));
        await visitor.OpenAsync($"/Postings/{open}");
        Assert.Equal("/Account/AccessDenied", Browser.RedirectPath(await visitor.PostAsync($"/Postings/{open}/Interest",
            [new("__RequestVerificationToken", visitor.Token()), new("Input.Message", "From a code")])));
        Assert.Equal("/Account/AccessDenied", Browser.RedirectPath(await visitor.GetAsync("/Connections")));

        Assert.Equal(1, await Factory.WithDbAsync(db => db.Interests.CountAsync()));
    }

    [Fact]
    public async Task Express_WithoutAntiforgeryToken_IsRefused_AndAnEmptyOrLongMessageIsExplained()
    {
        var (lao, _) = await SignedInAsync(PortalRole.FocalPoint, "LAO");
        var need = await lao.PublishAsync(LaoNeed);
        var (deu, _) = await SignedInAsync(PortalRole.FocalPoint, "DEU");

        Assert.Equal(HttpStatusCode.BadRequest, (await deu.PostAsync($"/Postings/{need}/Interest", [new("Input.Message", "No token")])).StatusCode);

        await deu.OpenAsync($"/Postings/{need}/Interest");
        await deu.SubmitAsync("[data-testid=send-interest]", new Dictionary<string, string> { ["Input.Message"] = "  " });
        Assert.Contains("Write a short message", deu.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal("#Input_Message", deu.Page!.QuerySelector("[data-testid=errors] a")!.GetAttribute("href"));
        await deu.SubmitAsync("[data-testid=send-interest]", new Dictionary<string, string> { ["Input.Message"] = new string('x', InterestLimits.Message + 1) });
        Assert.Contains("at most 1,000 characters", deu.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Interests.CountAsync()));
    }

    [Fact]
    public async Task HostileMessageAndReply_AreShownAsText_AndASecondExpressionLeadsToTheFirst()
    {
        var (lao, _) = await SignedInAsync(PortalRole.FocalPoint, "LAO");
        var need = await lao.PublishAsync(LaoNeed);
        var (deu, _) = await SignedInAsync(PortalRole.FocalPoint, "DEU");
        const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>**bold** [link](javascript:alert(3))";
        var id = await ExpressAsync(deu, need, Hostile);
        await lao.OpenAsync($"/Connections/{id}");
        await lao.SubmitAsync("[data-testid=send-reply]", new Dictionary<string, string> { ["Input.Text"] = Hostile });

        foreach (var browser in new[] { lao, deu })
        {
            var html = await (await browser.GetAsync($"/Connections/{id}")).Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
            await browser.OpenAsync($"/Connections/{id}");
            Assert.Equal(Hostile, browser.Find("[data-testid=message]"));
            Assert.Equal(Hostile, browser.Find("[data-testid=reply]"));
        }

        // The posting page now leads to the connection, and the question page too.
        await deu.OpenAsync($"/Postings/{need}");
        Assert.Equal($"/Connections/{id}", deu.Page!.QuerySelector("[data-testid=connection-link] a")!.GetAttribute("href"));
        var again = await deu.GetAsync($"/Postings/{need}/Interest");
        Assert.Equal($"/Connections/{id}", Browser.RedirectPath(again));
    }

    [Fact]
    public async Task Expressions_AreLimitedPerAccount_WithAClearMessage_UntilTheHourHasPassed()
    {
        var (lao, _) = await SignedInAsync(PortalRole.FocalPoint, "LAO");
        var first = await lao.PublishAsync(LaoNeed);
        var needs = await Factory.WithDbAsync(async db =>
        {
            var template = await db.Postings.AsNoTracking().SingleAsync(p => p.Id == first);
            var copies = Enumerable.Range(1, AcceptedLimits.InterestsPerHour).Select(n =>
            {
                var copy = db.Entry(template).CurrentValues.Clone().ToObject() as Posting;
                copy!.Id = 0;
                copy.Title = $"Need {n.ToString(CultureInfo.InvariantCulture)}";
                return copy;
            }).ToList();
            db.Postings.AddRange(copies);
            await db.SaveChangesAsync();
            return copies.Select(c => c.Id).Prepend(first).ToList();
        });
        var (deu, _) = await SignedInAsync(PortalRole.FocalPoint, "DEU");
        foreach (var need in needs.Take(AcceptedLimits.InterestsPerHour))
        {
            await ExpressAsync(deu, need, "We could help.");
        }

        var last = needs[^1];
        await deu.OpenAsync($"/Postings/{last}/Interest");
        var refused = await deu.SubmitAsync("[data-testid=send-interest]", new Dictionary<string, string> { ["Input.Message"] = "One too many." });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("You have sent 10 expressions of interest within an hour, the most one account may send. Wait 60 minutes, then try again. Your message is kept below.",
            deu.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal("One too many.", deu.Page!.QuerySelector("textarea")!.TextContent.Trim());
        Assert.Equal(AcceptedLimits.InterestsPerHour, await Factory.WithDbAsync(db => db.Interests.CountAsync()));

        // Another account of another participant is not held back by it.
        var (nor, _) = await SignedInAsync(PortalRole.FocalPoint, "NOR");
        await ExpressAsync(nor, last, "Norway too.");

        Factory.Time.Advance(TimeSpan.FromHours(1));
        await ExpressAsync(deu, last, "One too many, an hour later.");
        Assert.Equal(AcceptedLimits.InterestsPerHour + 2, await Factory.WithDbAsync(db => db.Interests.CountAsync()));
    }

    [Fact]
    public async Task Statistics_CountForAnObserver_OnlyTheInterestInPostingsOpenToObservers()
    {
        var (lao, _) = await SignedInAsync(PortalRole.FocalPoint, "LAO");
        var statesOnly = await lao.PublishAsync(LaoNeed);
        var open = await lao.PublishAsync(LaoNeed with { Title = "Open to observers too", Visibility = Visibility.StatesAndObservers });
        var (deu, _) = await SignedInAsync(PortalRole.FocalPoint, "DEU");
        await ExpressAsync(deu, statesOnly, "We could help.");
        await ExpressAsync(deu, open, "We could help here too.");

        var (observer, _) = await SignedInAsync(PortalRole.Observer, "ngo-stats");
        await observer.OpenAsync("/Statistics");
        Assert.Equal("1 expression of interest, which has not become a project yet.", observer.Find("[data-testid=interests-total]"));
        await deu.OpenAsync("/Statistics");
        Assert.Equal("2 expressions of interest, none of which has become a project yet.", deu.Find("[data-testid=interests-total]"));
    }

    [Fact]
    public async Task WhoChoseTheDailySummary_ReadsTheInterestAndTheReplyThere_NotAtOnce()
    {
        var zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");
        var (lao, _) = await SignedInAsync(PortalRole.FocalPoint, "LAO");
        var need = await lao.PublishAsync(LaoNeed);
        var laoDaily = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO", email: $"daily.lao.{Guid.NewGuid():N}@example.test");
        var (deu, deuAccount) = await SignedInAsync(PortalRole.FocalPoint, "DEU");
        var firstDue = SummaryClock.DayDue(Factory.Time.GetUtcNow(), zurich, 7);
        foreach (var email in new[] { laoDaily.Email, deuAccount.Email })
        {
            await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Notices, NoticeTiming.DailySummary).SetProperty(u => u.LastSummaryDay, firstDue)));
        }

        var id = await ExpressAsync(deu, need, "We could help.");
        await lao.OpenAsync($"/Connections/{id}");
        await lao.SubmitAsync("[data-testid=send-reply]", new Dictionary<string, string> { ["Input.Text"] = "Tell us more." });
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, laoDaily.Email));
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, deuAccount.Email));

        Factory.Time.SetUtcNow(SummaryClock.NextAt(Factory.Time.GetUtcNow(), zurich, 7));
        await Factory.Services.GetServices<IHostedService>().OfType<DailySummaryJob>().Single().RunOnceAsync();

        // The owner's reply answered the interest: Laos has nothing waiting, Germany has the reply to answer.
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, laoDaily.Email));
        var summary = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, deuAccount.Email));
        Assert.Contains("1 connection has a reply waiting for your answer.", summary.Body, StringComparison.Ordinal);
        Assert.Contains($"http://portal.test/Connections/{id}", summary.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnansweredInterest_WaitsInTheOwnersDailySummary()
    {
        var zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");
        var (lao, _) = await SignedInAsync(PortalRole.FocalPoint, "LAO");
        var need = await lao.PublishAsync(LaoNeed);
        var laoDaily = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO", email: $"daily.lao.{Guid.NewGuid():N}@example.test");
        var firstDue = SummaryClock.DayDue(Factory.Time.GetUtcNow(), zurich, 7);
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == laoDaily.Email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Notices, NoticeTiming.DailySummary).SetProperty(u => u.LastSummaryDay, firstDue)));
        var (deu, _) = await SignedInAsync(PortalRole.FocalPoint, "DEU");
        var id = await ExpressAsync(deu, need, "We could help.");

        Factory.Time.SetUtcNow(SummaryClock.NextAt(Factory.Time.GetUtcNow(), zurich, 7));
        await Factory.Services.GetServices<IHostedService>().OfType<DailySummaryJob>().Single().RunOnceAsync();

        var summary = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, laoDaily.Email));
        Assert.Contains("1 expression of interest in your postings is waiting for an answer.", summary.Body, StringComparison.Ordinal);
        Assert.Contains($"Germany about “Prosthetics workshop in Xieng Khouang”", summary.Body, StringComparison.Ordinal);
        Assert.Contains($"http://portal.test/Connections/{id}", summary.Body, StringComparison.Ordinal);
    }

    private static async Task<int> ExpressAsync(Browser browser, int postingId, string message)
    {
        await browser.OpenAsync($"/Postings/{postingId}/Interest");
        await browser.SubmitAsync("[data-testid=send-interest]", new Dictionary<string, string> { ["Input.Message"] = message });
        var path = browser.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.True(path.EndsWith("/Sent", StringComparison.Ordinal), $"Expressing interest led to {path}: {browser.Find("[data-testid=errors]")}");
        return int.Parse(path.Split('/')[2], CultureInfo.InvariantCulture);
    }

    private async Task EnterWithCodeAsync(Browser visitor)
    {
        var code = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));
        var participant = await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "DEU").Select(p => p.Id).SingleAsync());
        await visitor.OpenAsync("/Entry");
        await visitor.SubmitAsync("form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Visitor",
            ["Input.Email"] = "visitor@example.test",
            ["Input.ParticipantId"] = participant.ToString(CultureInfo.InvariantCulture),
            ["Input.Code"] = code,
        });
    }

    private async Task<(Browser Browser, TestAccount Account)> SignedInAsync(PortalRole role, string participant, bool twoFactor = false)
    {
        var account = await TestAccounts.CreateAsync(Factory, role, participant, twoFactor);
        var browser = new Browser(Factory);
        browsers.Add(browser);
        await browser.SignInAsync(Factory, account);
        return (browser, account);
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
