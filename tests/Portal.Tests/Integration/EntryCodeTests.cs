using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

public sealed class EntryCodeTests : PortalTest
{

    private Task<string> RotateAsync(CodeAudience audience) =>
        Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodes>().RotateAsync(audience, "test", keepForReveal: false));

    private Task<int> ParticipantAsync(string code) =>
        Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    private async Task EnterAsync(Browser browser, string participantCode, string code)
    {
        await browser.OpenAsync("/Entry");
        await browser.SubmitAsync("form[method=post]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kofi Mensah",
            ["Input.Email"] = "kofi@mission.test",
            ["Input.ParticipantId"] = (await ParticipantAsync(participantCode)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Code"] = code,
        });
    }

    [Fact]
    public async Task StateCode_OpensAReadOnlySessionForTheChosenState()
    {
        var code = await RotateAsync(CodeAudience.States);
        using var browser = new Browser(Factory);
        await EnterAsync(browser, "GHA", code);
        var who = browser.Find("[data-testid=who]") ?? "";
        Assert.Contains("Kofi Mensah", who, StringComparison.Ordinal);
        Assert.Contains("Ghana", who, StringComparison.Ordinal);
        Assert.Contains("read-only", who, StringComparison.Ordinal);
        // A code session has no account pages and no admin.
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/Account/Manage")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/Admin")).StatusCode);
    }

    [Fact]
    public async Task Rotation_EndsSessionsOpenedWithTheOldCode_AndTheOldCodeOpensNothing()
    {
        var old = await RotateAsync(CodeAudience.States);
        using var browser = new Browser(Factory);
        await EnterAsync(browser, "GHA", old);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        var fresh = await RotateAsync(CodeAudience.States);
        var next = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/Entry", Browser.RedirectPath(next));

        using var late = new Browser(Factory);
        await EnterAsync(late, "GHA", old);
        Assert.Contains("not valid", late.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await late.GetAsync("/")).StatusCode);

        await EnterAsync(late, "GHA", fresh);
        Assert.Contains("Ghana", late.Find("[data-testid=who]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledRotation_RunsWhenDue_OnceEvenIfTwoInstancesRunIt_AndTellsTheCoordinators()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        var old = await RotateAsync(CodeAudience.States);
        using var browser = new Browser(Factory);
        await EnterAsync(browser, "GHA", old);

        // Make the States code due now (advancing the clock 90 days would also expire the session's cookie).
        await Factory.WithDbAsync(db => db.EntryCodes.Where(c => c.Audience == CodeAudience.States && c.RetiredAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.RotateAt, Factory.Time.GetUtcNow().AddMinutes(-1))));
        var results = await Task.WhenAll(
            Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodes>().RotateDueAsync()),
            Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodes>().RotateDueAsync()));

        Assert.Equal(1, results.Sum());
        var notice = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, coordinator.Email));
        Assert.Contains("/Admin/Codes", notice.Body, StringComparison.Ordinal);

        // The new code is shown to one coordinator, once, when asked for.
        using var first = new Browser(Factory);
        using var second = new Browser(Factory);
        await first.SignInAsync(Factory, coordinator);
        Factory.Time.Advance(TimeSpan.FromSeconds(30)); // a TOTP code works once: the second browser needs the next one
        await second.SignInAsync(Factory, coordinator);
        await first.OpenAsync("/Admin/Codes");
        await second.OpenAsync("/Admin/Codes");
        Assert.Null(first.Find("[data-testid=revealed-States]"));
        await first.SubmitAsync("[data-testid=code-States] form[action*='handler=Reveal'] button");
        var revealed = first.Find("[data-testid=revealed-States]");
        Assert.NotNull(EntryCodeFormat.Normalize(revealed));
        await second.SubmitAsync("[data-testid=code-States] form[action*='handler=Reveal'] button");
        Assert.Null(second.Find("[data-testid=revealed-States]"));
        Assert.Contains("already been shown", second.Find("[data-testid=errors]"), StringComparison.Ordinal);
        using var reader = new Browser(Factory);
        await EnterAsync(reader, "GHA", revealed!);
        Assert.Contains("Ghana", reader.Find("[data-testid=who]"), StringComparison.Ordinal);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.EntryCodes.CountAsync(c => c.Audience == CodeAudience.States && c.RetiredAt == null)));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(0, await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodes>().RotateDueAsync()));
    }

    [Fact]
    public async Task ConcurrentRotations_LeaveExactlyOneCurrentCode_AndOnlyItWorks()
    {
        var codes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RotateAsync(CodeAudience.States)));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.EntryCodes.CountAsync(c => c.Audience == CodeAudience.States && c.RetiredAt == null)));
        var working = 0;
        foreach (var code in codes)
        {
            working += await Factory.WithServicesAsync(async sp => await sp.GetRequiredService<EntryCodes>().MatchAsync(code) is null ? 0 : 1);
        }

        Assert.Equal(1, working);
    }

    [Fact]
    public async Task ObserverCode_NeverGivesStateRights()
    {
        var observerCode = await RotateAsync(CodeAudience.Observers);
        using var asState = new Browser(Factory);
        await EnterAsync(asState, "GHA", observerCode);
        Assert.Contains("not valid", asState.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await asState.GetAsync("/")).StatusCode);

        await Factory.WithDbAsync(async db =>
        {
            db.Participants.Add(new Participant { Code = "ngo-x", Name = "NGO X", Kind = ParticipantKind.Ngo });
            return await db.SaveChangesAsync();
        });
        using var asObserver = new Browser(Factory);
        await EnterAsync(asObserver, "ngo-x", observerCode);
        var who = asObserver.Find("[data-testid=who]") ?? "";
        Assert.Contains("Observer", who, StringComparison.Ordinal);
        Assert.DoesNotContain("Member", who, StringComparison.Ordinal);

        // And the States code does not let an organisation in as a State member.
        var stateCode = await RotateAsync(CodeAudience.States);
        using var orgWithStateCode = new Browser(Factory);
        await EnterAsync(orgWithStateCode, "ngo-x", stateCode);
        Assert.Contains("not valid", orgWithStateCode.Find("[data-testid=errors]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoordinatorRotation_ShowsTheNewCodeOnce()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        using var admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);
        await admin.OpenAsync("/Admin/Codes");
        await admin.SubmitAsync("[data-testid=code-States] form[action*='handler=Rotate'] button");
        var shown = admin.Find("[data-testid=revealed-States]");
        Assert.NotNull(shown);
        Assert.NotNull(EntryCodeFormat.Normalize(shown));

        // Shown in that answer only: the page does not show it again and nothing waits to be revealed.
        await admin.OpenAsync("/Admin/Codes");
        Assert.Null(admin.Find("[data-testid=revealed-States]"));
        Assert.Null(admin.Page!.QuerySelector("[data-testid=code-States] form[action*='handler=Reveal']"));
        var stored = await Factory.WithDbAsync(db => db.EntryCodes.Where(c => c.RetiredAt == null).Select(c => c.Hash + c.PendingReveal).ToListAsync());
        Assert.DoesNotContain(stored, s => s.Contains(EntryCodeFormat.Normalize(shown)!, StringComparison.Ordinal));
    }
}
