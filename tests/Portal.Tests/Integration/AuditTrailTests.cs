using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Each event the issue lists leaves an entry with who, for whom, what, target, when and from where.</summary>
public sealed class AuditTrailTests : PortalTest
{

    [Fact]
    public async Task Events_AreRecordedWithActorTargetTimeAndAddress()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        using var admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);

        // A failed sign-in.
        using var stranger = new Browser(Factory);
        await stranger.OpenAsync("/Account/SignIn");
        await stranger.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = coordinator.Email, ["Input.Password"] = "wrong wrong wrong" });

        // Code rotation through the page, a code use, a rejected code.
        await admin.OpenAsync("/Admin/Codes/States/Change");
        await admin.SubmitAsync("form.actions button");
        await admin.SubmitAsync("[data-testid=code-States] form[action*='handler=Reveal'] button");
        var code = admin.Find("[data-testid=revealed-States]")!;
        var ghana = await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "GHA").Select(p => p.Id).SingleAsync());
        using var reader = new Browser(Factory);
        foreach (var attempt in new[] { "AAAA-AAAA-AAAA-AAAA", code })
        {
            await reader.OpenAsync("/Entry");
            await reader.SubmitAsync("form[method=post]", new Dictionary<string, string>
            {
                ["Input.Name"] = "Reader",
                ["Input.Email"] = "reader@example.test",
                ["Input.ParticipantId"] = ghana.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Code"] = attempt,
            });
        }

        // An access request and its decision, a participant change, an account change.
        await Factory.WithServicesAsync(async sp =>
        {
            var requests = sp.GetRequiredService<Portal.Features.Access.AccessRequests>();
            var request = await requests.SubmitAsync("Req", "req@example.test", ghana, "Officer", null, "10.9.9.9");
            return await requests.RejectAsync(request!.Id, "Not accredited");
        });
        await admin.OpenAsync("/Admin/Participants/GHA");
        await admin.SubmitAsync("form.stack button", new Dictionary<string, string> { ["Input.Status"] = "Signatory" });
        await admin.SubmitAsync("form[action*='handler=Add'] button", new Dictionary<string, string>
        {
            ["Org.Name"] = "Mine Action Org",
            ["Org.Code"] = "mao",
            ["Org.Kind"] = "Ngo",
        });
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        await admin.OpenAsync("/Admin/Accounts");
        var row = admin.Page!.QuerySelectorAll("tr").First(r => r.TextContent.Contains(member.Email, StringComparison.Ordinal));
        await admin.OpenAsync(row.QuerySelector("a[href$='/Disable']")!.GetAttribute("href")!);
        await admin.SubmitAsync("form.actions button");

        var entries = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        AuditEntry One(string action) => Assert.Single(entries, e => e.Action == action);

        var signIn = Assert.Single(entries, e => e.Action == "SignIn");
        Assert.Contains(coordinator.Email, signIn.Actor, StringComparison.Ordinal);
        Assert.Equal(admin.Address, signIn.IpAddress);

        var failed = One("SignInFailed");
        Assert.Equal(coordinator.Email, failed.Target);
        Assert.Equal(stranger.Address, failed.IpAddress);

        var rotated = entries.Single(e => e.Action == "EntryCodeRotated" && e.ActorUserId is not null);
        Assert.Equal("States", rotated.Target);
        Assert.Equal(coordinator.ParticipantId, rotated.ActorParticipantId);

        Assert.Equal(reader.Address, One("EntryCodeRejected").IpAddress);
        var used = One("EntryCodeUsed");
        Assert.Contains("Reader", used.Actor, StringComparison.Ordinal);
        Assert.Equal("Ghana", used.Target);

        Assert.Contains("Req", One("AccessRequested").Actor, StringComparison.Ordinal);
        Assert.Equal("Not accredited", One("AccessRequestRejected").Detail);
        Assert.Contains("Signatory", One("ParticipantStatusChanged").Detail, StringComparison.Ordinal);
        Assert.Equal("Mine Action Org", One("ParticipantAdded").Target);
        Assert.Equal(member.Email, One("AccountDisabled").Target);
        Assert.All(entries, e => Assert.InRange(e.At, Factory.Time.GetUtcNow().AddMinutes(-5), Factory.Time.GetUtcNow().AddMinutes(1)));

        // The coordinator reads them through the page, filtered.
        await admin.OpenAsync("/Admin/Audit?action=SignInFailed");
        var rows = admin.Page!.QuerySelectorAll("[data-testid=audit] tbody tr");
        Assert.Single(rows);
        Assert.Contains(coordinator.Email, rows[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_ShowsEventsInWords_InTheTableAndTheFilter_AndEachCellUnderItsColumnsName()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        using var stranger = new Browser(Factory);
        await stranger.OpenAsync("/Account/SignIn");
        await stranger.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = coordinator.Email, ["Input.Password"] = "wrong wrong wrong" });
        using var admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);

        await admin.OpenAsync("/Admin/Audit");
        var events = admin.Page!.QuerySelectorAll("[data-testid=audit] tbody tr td[data-label=Event]").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("Signed in", events);
        Assert.Contains("Sign-in failed", events);
        Assert.DoesNotContain("SignIn", admin.Find("[data-testid=audit]"), StringComparison.Ordinal);
        var options = admin.Page!.QuerySelectorAll("select#action option").ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent.Trim());
        Assert.Equal("Authenticator or recovery code refused", options["TwoFactorFailed"]);
        Assert.Equal("Sign-in failed", options["SignInFailed"]);
        Assert.All(options.Where(o => o.Key != ""), o => Assert.NotEqual(o.Key, o.Value));
        var row = admin.Page!.QuerySelector("[data-testid=audit].reflow tbody tr")!;
        Assert.Equal(["When (UTC)", "Who", "Event", "Target", "Detail", "Address"], row.QuerySelectorAll("td").Select(td => td.GetAttribute("data-label")));

        // The filter keeps its stored name in the address and shows the words it chose.
        await admin.OpenAsync("/Admin/Audit?action=SignInFailed");
        Assert.Equal("Sign-in failed", admin.Find("select#action option[selected]"));
        var failed = Assert.Single(admin.Page!.QuerySelectorAll("[data-testid=audit] tbody tr"));
        Assert.Equal("Sign-in failed", failed.QuerySelector("td[data-label=Event]")!.TextContent.Trim());
        Assert.Contains(coordinator.Email, failed.QuerySelector("td[data-label=Target]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_RefusesUpdatesAndDeletes_InTheDatabaseItself()
    {
        await Factory.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<Portal.Features.Audit.AuditLog>().RecordAsync(Portal.Features.Audit.AuditEvent.SignIn, "x@example.test");
            return 0;
        });

        // Whoever reaches the database — the app, a script, an intruder with the app's credentials — cannot rewrite history.
        await Assert.ThrowsAnyAsync<Exception>(() => Factory.WithDbAsync(db => db.AuditEntries.ExecuteUpdateAsync(u => u.SetProperty(a => a.Actor, "someone else"))));
        await Assert.ThrowsAnyAsync<Exception>(() => Factory.WithDbAsync(db => db.AuditEntries.ExecuteDeleteAsync()));
        var entry = await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "SignIn"));
        Assert.Equal("x@example.test", entry.Target);
        Assert.NotEqual("someone else", entry.Actor);
    }
}
