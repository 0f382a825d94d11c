using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Access;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// A room of delegates behind one conference address asks for access: each files a request, nobody files two, and what
/// a crowd or a script sends beyond that is refused (<see cref="AcceptedLimits"/>, <see cref="FailureLimits"/>).
/// </summary>
public sealed class AccessRequestLimitTests : PortalTest
{
    private const string Room = "10.201.0.1";
    private const string Requested = "/Access/Requested";
    private const string AlreadyRequested = "/Access/AlreadyRequested";
    private TestAccount coordinator = null!;

    public override async Task InitializeAsync() =>
        coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);

    [Fact]
    public async Task HundredDelegates_FromOneAddress_EachFileARequestWithinTheHour_AndTheCoordinatorIsToldOfAllInAFewNotices()
    {
        for (var i = 0; i < 100; i++)
        {
            using var person = new Browser(Factory, Room);
            var answer = await RequestAsync(person, $"delegate{i}@mission.test");
            Assert.True(Browser.RedirectPath(answer) == Requested, $"request {i + 1} answered {(int)answer.StatusCode}");
            Factory.Time.Advance(TimeSpan.FromSeconds(30));
        }

        // The last of the burst is told of by the background job once the interval has passed.
        Factory.Time.Advance(AccessRequests.NoticeInterval);
        await Factory.WithServicesAsync(sp => sp.GetRequiredService<AccessRequests>().TellCoordinatorsAsync());

        var pending = await Factory.WithDbAsync(db => db.AccessRequests
            .Where(r => r.Status == AccessRequestStatus.Pending && r.IpAddress == Room).Select(r => r.CoordinatorsToldAt).ToListAsync());
        Assert.Equal(100, pending.Count);
        Assert.All(pending, told => Assert.NotNull(told));

        // Fifty minutes of requests: one notice at the first, then at most one a quarter of an hour.
        var notices = await Factory.WithDbAsync(db => db.Outbox.Where(m => m.To == coordinator.Email && m.Kind == AccessMail.WaitingKind)
            .OrderBy(m => m.Id).Select(m => m.CreatedAt).ToListAsync());
        Assert.InRange(notices.Count, 2, 5);
        Assert.All(notices.Zip(notices.Skip(1)), pair => Assert.True(pair.Second - pair.First >= AccessRequests.NoticeInterval));
    }

    [Fact]
    public async Task SameEmailAgain_EvenDifferentlyTyped_GetsTheAlreadyPendingPage_FilesNothingAndSendsNothing()
    {
        using var first = new Browser(Factory);
        Assert.Equal(Requested, Browser.RedirectPath(await RequestAsync(first, "Amina.Diallo@mine-action.test")));
        var mails = await OutboxCountAsync();

        foreach (var typed in new[] { "Amina.Diallo@mine-action.test", "  amina.diallo@MINE-ACTION.TEST " })
        {
            using var again = new Browser(Factory);
            var answer = await RequestAsync(again, typed, name: "Somebody Else", participant: "NOR");
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Equal(AlreadyRequested, Browser.RedirectPath(answer));

            // Post/Redirect/Get: the page only reads, says what happened in whole sentences, and nothing of the earlier request.
            await again.OpenAsync(answer.Headers.Location!.OriginalString);
            Assert.Equal("Your request is already with the coordinator", again.Find("h1"));
            var page = again.Find("main") ?? "";
            Assert.Contains("A request for access from this e-mail address is waiting for the coordinator's decision", page, StringComparison.Ordinal);
            foreach (var earlier in new[] { "Amina", "Lebanon", "Head of mine action", "#" })
            {
                Assert.DoesNotContain(earlier, page, StringComparison.Ordinal);
            }
        }

        var requests = await Factory.WithDbAsync(db => db.AccessRequests.Select(r => r.Email).ToListAsync());
        Assert.Equal(["Amina.Diallo@mine-action.test"], requests);
        Assert.Equal(mails, await OutboxCountAsync());
        Assert.Equal(2, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "AccessRequestRepeated")));

        // Once the coordinator has decided, the same address may ask again.
        var id = await Factory.WithDbAsync(db => db.AccessRequests.Select(r => r.Id).SingleAsync());
        Assert.Null(await Factory.WithServicesAsync(sp => sp.GetRequiredService<AccessRequests>().RejectAsync(id, "Please ask your mission.")));
        using var later = new Browser(Factory);
        Assert.Equal(Requested, Browser.RedirectPath(await RequestAsync(later, "amina.diallo@mine-action.test")));
    }

    [Fact]
    public async Task IdenticalSubmissionsAtTheSameMoment_FileOneRequest()
    {
        var people = Enumerable.Range(0, 8).Select(_ => new Browser(Factory)).ToList();
        try
        {
            foreach (var person in people)
            {
                await person.OpenAsync("/Access/Request");
            }

            var answers = await Task.WhenAll(people.Select(p => SubmitAsync(p, "twice@mission.test", "Delegate", "LBN")));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
            Assert.Single(answers, a => Browser.RedirectPath(a) == Requested);
            Assert.Equal(1, await Factory.WithDbAsync(db => db.AccessRequests.CountAsync()));
        }
        finally
        {
            people.ForEach(p => p.Dispose());
        }
    }

    [Fact]
    public async Task Database_RefusesASecondPendingRequestForTheSameNormalisedEmail()
    {
        var participant = await ParticipantIdAsync("LBN");
        AccessRequest Request(string email, AccessRequestStatus status) => new()
        {
            Name = "Delegate",
            Email = email,
            NormalizedEmail = AccessRequests.NormalizeEmail(email),
            ParticipantId = participant,
            Position = "Delegate",
            CreatedAt = Factory.Time.GetUtcNow(),
            Status = status,
        };

        await Factory.WithDbAsync(async db =>
        {
            db.AccessRequests.Add(Request("same@mission.test", AccessRequestStatus.Pending));
            db.AccessRequests.Add(Request("same@mission.test", AccessRequestStatus.Rejected));
            return await db.SaveChangesAsync();
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => Factory.WithDbAsync(db =>
        {
            db.AccessRequests.Add(Request(" SAME@Mission.test", AccessRequestStatus.Pending));
            return db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task FailedSubmissions_PastTheBudget_AreRefusedForThatEmail_WhileTheRoomAndOtherAddressesAreServed()
    {
        var mails = await OutboxCountAsync();
        using var script = new Browser(Factory, Room);
        Assert.Equal(Requested, Browser.RedirectPath(await RequestAsync(script, "filler@example.test")));

        // Repeats of a pending request and forms the page sends back: each is a failure of that e-mail from this address.
        for (var i = 0; i < FailureLimits.Budget; i++)
        {
            var answer = await RequestAsync(script, "filler@example.test", name: i % 2 == 0 ? "Filler" : "");
            var expected = i % 2 == 0 ? AlreadyRequested : null;
            Assert.True(Browser.RedirectPath(answer) == expected, $"failure {i + 1} answered {(int)answer.StatusCode}");
        }

        // The budget is spent: that e-mail is refused before anything is looked at, valid form or not.
        AssertTooManyAttempts(await RequestAsync(script, "filler@example.test"));
        AssertTooManyAttempts(await RequestAsync(script, "filler@example.test", name: ""));

        // A delegate in the same room with another e-mail, and anyone elsewhere, still files a request.
        using var colleague = new Browser(Factory, Room);
        Assert.Equal(Requested, Browser.RedirectPath(await RequestAsync(colleague, "colleague@mission.test")));
        using var elsewhere = new Browser(Factory);
        Assert.Equal(Requested, Browser.RedirectPath(await RequestAsync(elsewhere, "elsewhere@mission.test")));

        // After the window the address is served again.
        Factory.Time.Advance(FailureLimits.Window);
        Assert.Equal(AlreadyRequested, Browser.RedirectPath(await RequestAsync(script, "filler@example.test")));

        Assert.Equal(3, await Factory.WithDbAsync(db => db.AccessRequests.CountAsync()));
        // A confirmation for each; the coordinator is told of the first at once, of the other two with the next notice.
        Assert.Equal(mails + 3 + 1, await OutboxCountAsync());
        var actions = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.IpAddress == Room).Select(a => a.Action).ToListAsync());
        Assert.Single(actions, a => a == "RateLimited");
    }

    [Fact]
    public async Task RequestsFiled_PastTheHourlyLimitOfAnAddress_AreRefused_UntilTheHourEnds()
    {
        // The room has filed all but one of its requests for the hour (taken here; through the form it is the test above).
        await Factory.WithServicesAsync(async sp =>
        {
            var limit = sp.GetRequiredService<AcceptedLimits>().AccessRequest;
            for (var i = 0; i < AcceptedLimits.AccessRequestsPerHour - 1; i++)
            {
                Assert.Null(await limit.TakeAsync(IPAddress.Parse(Room)));
            }

            return true;
        });

        using var last = new Browser(Factory, Room);
        Assert.Equal(Requested, Browser.RedirectPath(await RequestAsync(last, "last@mission.test")));
        using var oneTooMany = new Browser(Factory, Room);
        var refused = await RequestAsync(oneTooMany, "one.too.many@mission.test");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 3600);
        using var elsewhere = new Browser(Factory);
        Assert.Equal(Requested, Browser.RedirectPath(await RequestAsync(elsewhere, "elsewhere@mission.test")));

        Factory.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(Requested, Browser.RedirectPath(await RequestAsync(oneTooMany, "one.too.many@mission.test")));
        Assert.Equal(3, await Factory.WithDbAsync(db => db.AccessRequests.CountAsync()));
    }

    private async Task<HttpResponseMessage> RequestAsync(Browser browser, string email, string name = "Amina Diallo", string participant = "LBN")
    {
        await browser.OpenAsync("/Access/Request");
        return await SubmitAsync(browser, email, name, participant);
    }

    private async Task<HttpResponseMessage> SubmitAsync(Browser browser, string email, string name, string participant) =>
        await browser.SubmitAsync("form", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Email"] = email,
            ["Input.ParticipantId"] = (await ParticipantIdAsync(participant)).ToString(CultureInfo.InvariantCulture),
            ["Input.Position"] = "Head of mine action",
        }, follow: false);

    private Task<int> ParticipantIdAsync(string code) =>
        Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    private Task<int> OutboxCountAsync() => Factory.WithDbAsync(db => db.Outbox.CountAsync());

    private static void AssertTooManyAttempts(HttpResponseMessage answer)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        var seconds = int.Parse(answer.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, (int)FailureLimits.Window.TotalSeconds);
    }
}
