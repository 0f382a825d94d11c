using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

public sealed class EntryCodeTests : PortalTest
{

    private Task<string> RotateAsync(CodeAudience audience) =>
        Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(audience, "test"));

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
            Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateDueAsync()),
            Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateDueAsync()));

        Assert.Equal(1, results.Sum());
        var notice = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, coordinator.Email));
        Assert.Contains("/Admin/Codes", notice.Body, StringComparison.Ordinal);

        Assert.Contains("Nobody holds the code for States yet, so it was sent to nobody.", notice.Body, StringComparison.Ordinal);

        // A coordinator who asks sees the new code, and each showing is in the audit log.
        using var first = new Browser(Factory);
        await first.SignInAsync(Factory, coordinator);
        await first.OpenAsync("/Admin/Codes");
        Assert.Null(first.Find("[data-testid=revealed-States]"));
        await first.SubmitAsync("[data-testid=code-States] form[action*='handler=Reveal'] button");
        var revealed = first.Find("[data-testid=revealed-States]");
        Assert.NotNull(EntryCodeFormat.Normalize(revealed));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == nameof(Portal.Features.Audit.AuditEvent.EntryCodeRevealed))));
        using var reader = new Browser(Factory);
        await EnterAsync(reader, "GHA", revealed!);
        Assert.Contains("Ghana", reader.Find("[data-testid=who]"), StringComparison.Ordinal);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.EntryCodes.CountAsync(c => c.Audience == CodeAudience.States && c.RetiredAt == null)));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(0, await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateDueAsync()));
    }

    [Fact]
    public async Task ConcurrentRotations_LeaveExactlyOneCurrentCode_AndOnlyItWorks()
    {
        var codes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RotateAsync(CodeAudience.States)));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.EntryCodes.CountAsync(c => c.Audience == CodeAudience.States && c.RetiredAt == null)));
        var working = 0;
        foreach (var code in codes)
        {
            working += await Factory.WithServicesAsync(async sp => await sp.GetRequiredService<EntryCodeStore>().MatchAsync(code) is null ? 0 : 1);
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
    public async Task CoordinatorRotation_AsksFirst_RedirectsToTheCodesPage_WhereAReloadChangesNothing_AndShowsTheCodeOnRequest()
    {
        var old = await RotateAsync(CodeAudience.States);
        using var reader = new Browser(Factory);
        await EnterAsync(reader, "GHA", old);
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        using var admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);
        await admin.OpenAsync("/Admin/Codes");
        await admin.OpenAsync(admin.Page!.QuerySelector("[data-testid=code-States] a[href$='/Change']")!.GetAttribute("href")!);
        Assert.Contains("1 person reading with it right now is signed out", admin.Text, StringComparison.Ordinal);
        var before = await CurrentCodeIdsAsync();

        var answer = await admin.SubmitAsync("form.actions button", follow: false);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/Admin/Codes", answer.Headers.Location!.OriginalString);
        var changed = await CurrentCodeIdsAsync();
        Assert.NotEqual(before, changed);
        Assert.Equal(HttpStatusCode.Redirect, (await reader.GetAsync("/")).StatusCode);

        // The page it leads to says so, holds no code, and reloading it changes nothing.
        await admin.OpenAsync("/Admin/Codes");
        Assert.Contains("The code for States has changed", admin.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Null(admin.Find("[data-testid=revealed-States]"));
        await admin.OpenAsync("/Admin/Codes");
        Assert.Equal(changed, await CurrentCodeIdsAsync());

        // The code is shown on request; showing it (the same POST again, too) changes no code.
        var reveal = admin.Page!.QuerySelector("[data-testid=code-States] form[action*='handler=Reveal']")!.GetAttribute("action")!;
        var token = admin.Page.QuerySelector("[data-testid=code-States] form[action*='handler=Reveal'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await admin.PostAsync(reveal, [new("__RequestVerificationToken", token)]);
        var shown = admin.Find("[data-testid=revealed-States]");
        Assert.NotNull(EntryCodeFormat.Normalize(shown));
        await admin.PostAsync(reveal, [new("__RequestVerificationToken", token)]);
        Assert.Equal(shown, admin.Find("[data-testid=revealed-States]"));
        Assert.Equal(changed, await CurrentCodeIdsAsync());

        // The database keeps a fingerprint and an encrypted copy, never the code in clear; and it is the code that works.
        var stored = await Factory.WithDbAsync(db => db.EntryCodes.Select(c => c.Hash + c.Sealed).ToListAsync());
        Assert.DoesNotContain(stored, s => s.Contains(EntryCodeFormat.Normalize(shown)!, StringComparison.Ordinal) || s.Contains(shown!, StringComparison.Ordinal));
        using var next = new Browser(Factory);
        await EnterAsync(next, "GHA", shown!);
        Assert.Contains("Ghana", next.Find("[data-testid=who]"), StringComparison.Ordinal);
    }

    private Task<string> CurrentCodeIdsAsync() => Factory.WithDbAsync(async db =>
        string.Join(",", await db.EntryCodes.Where(c => c.RetiredAt == null).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync()));
}
