using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

public sealed class BruteForceTests : PortalTest
{

    [Fact]
    public async Task WrongCodes_FromOneAddress_AreThrottledAndAudited_RightCodeWorksAfterTheWindow()
    {
        var code = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodes>().RotateAsync(CodeAudience.States, "test", false));
        var ghana = await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "GHA").Select(p => p.Id).SingleAsync());
        using var attacker = new Browser(Factory);
        await attacker.OpenAsync("/Entry");
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "X",
            ["Input.Email"] = "x@example.test",
            ["Input.ParticipantId"] = ghana.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        HttpResponseMessage last = null!;
        for (var i = 0; i < 11; i++)
        {
            await attacker.OpenAsync("/Entry");
            fields["Input.Code"] = $"AAAA-BBBB-CCCC-{i:D4}";
            last = await attacker.SubmitAsync("form[method=post]", fields, follow: false);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero || int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);

        // Even the right code waits until the window has passed.
        await attacker.OpenAsync("/Entry");
        fields["Input.Code"] = code;
        Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.SubmitAsync("form[method=post]", fields, follow: false)).StatusCode);

        // Another address is not affected.
        using var neighbour = new Browser(Factory);
        await neighbour.OpenAsync("/Entry");
        Assert.Equal(HttpStatusCode.OK, neighbour.LastResponse!.StatusCode);

        Factory.Time.Advance(TimeSpan.FromMinutes(14));
        await attacker.OpenAsync("/Entry");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.SubmitAsync("form[method=post]", fields, follow: false)).StatusCode);

        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await attacker.OpenAsync("/Entry");
        await attacker.SubmitAsync("form[method=post]", fields);
        Assert.Contains("Ghana", attacker.Find("[data-testid=who]"), StringComparison.Ordinal);

        var audit = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.IpAddress == attacker.Address).Select(a => a.Action).ToListAsync());
        Assert.Equal(10, audit.Count(a => a == "EntryCodeRejected"));
        Assert.Single(audit, a => a == "RateLimited"); // once per window, however many refusals
        Assert.Contains("EntryCodeUsed", audit);
    }

    [Fact]
    public async Task WrongPasswords_FromOneAddress_AreThrottled_AndTheRightPasswordWorksAfterTheWindow()
    {
        // Spread over many accounts, so the per-account lockout never triggers: only the address limit stops this.
        var victim = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "NOR");
        using var attacker = new Browser(Factory);
        HttpResponseMessage last = null!;
        for (var i = 0; i < 21; i++)
        {
            await attacker.OpenAsync("/Account/SignIn");
            last = await attacker.SubmitAsync("form", new Dictionary<string, string>
            {
                ["Input.Email"] = $"user{i}@example.test",
                ["Input.Password"] = "wrong password attempt",
            }, follow: false);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.Contains("Retry-After"));

        Factory.Time.Advance(TimeSpan.FromMinutes(15));
        await attacker.SignInAsync(Factory, victim);

        var actions = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.IpAddress == attacker.Address).Select(a => a.Action).ToListAsync());
        Assert.Equal(20, actions.Count(a => a == "SignInFailed"));
        Assert.Single(actions, a => a == "RateLimited");
        Assert.Contains("SignIn", actions);
    }
}
