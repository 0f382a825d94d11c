using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Two app instances on one database, as behind a reverse proxy: a sign-in on one works on the other.</summary>
public sealed class MultiInstanceTests : TwoInstanceTest
{
    [Fact]
    public async Task SessionCookie_FromOneInstance_IsAcceptedByTheOther_AndSignOutEndsItOnBoth()
    {
        var member = await TestAccounts.CreateAsync(First, PortalRole.Member);
        using var one = new Browser(First);
        await one.SignInAsync(First, member);
        _ = Second.Server;

        using var two = new Browser(Second);
        foreach (Cookie cookie in one.Cookies.GetAllCookies())
        {
            two.Cookies.Add(cookie);
        }

        Assert.Equal(HttpStatusCode.OK, (await two.GetAsync("/")).StatusCode);
        Assert.Contains(member.ParticipantName, two.Find("[data-testid=who]"), StringComparison.Ordinal);
        Assert.Equal(1, await First.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));

        await two.SubmitAsync("form[action='/Account/SignOut'] button");
        Assert.Equal("/Entry", Browser.RedirectPath(await one.GetAsync("/")));
    }
}
