using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.EntryCodes;
using Portal.Features.Sessions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

public sealed class AuthorizationTests : PortalTest
{
    [Fact]
    public async Task EveryPost_WithoutAntiforgeryToken_IsRefused_EvenForASignedInCoordinator()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, coordinator);
        var routes = Factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/')).Distinct().ToList();
        var failures = new List<string>();
        foreach (var route in routes)
        {
            var response = await browser.PostAsync(route, [new("Input.Code", "x")]);
            if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound))
            {
                failures.Add($"POST {route} -> {(int)response.StatusCode}");
            }
        }

        Assert.True(routes.Count > 20);
        Assert.Empty(failures);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Admin/Audit")).StatusCode);
    }

    [Fact]
    public async Task EntryCodeSession_NeverPassesThePublisherPolicy_AccountFocalPointDoes()
    {
        var code = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));
        var (codeSession, focalPoint, member) = await Factory.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var sessions = sp.GetRequiredService<SessionStore>();
            var current = await db.EntryCodes.SingleAsync(c => c.Audience == CodeAudience.States && c.RetiredAt == null);
            var lao = await db.Participants.SingleAsync(p => p.Code == "LAO");
            var reader = await sessions.StartCodeSessionAsync(current, lao, "Reader", "reader@example.test", null);
            return (reader, Principal(PortalRole.FocalPoint), Principal(PortalRole.Member));
        });
        var authorization = Factory.Services.GetRequiredService<IAuthorizationService>();
        Assert.False((await authorization.AuthorizeAsync(codeSession, AccessPolicy.Publisher)).Succeeded);
        Assert.False((await authorization.AuthorizeAsync(member, AccessPolicy.Publisher)).Succeeded);
        Assert.True((await authorization.AuthorizeAsync(focalPoint, AccessPolicy.Publisher)).Succeeded);
        Assert.NotNull(code);
    }

    private static System.Security.Claims.ClaimsPrincipal Principal(PortalRole role) => new(new System.Security.Claims.ClaimsIdentity(
        [
            new(PortalClaims.SessionKind, nameof(SessionKind.Account)),
            new(PortalClaims.Role, role.ToString()),
        ],
        "test", System.Security.Claims.ClaimTypes.Name, PortalClaims.Role));
}
