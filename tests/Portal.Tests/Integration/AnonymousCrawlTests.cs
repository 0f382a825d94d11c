using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Access;
using Portal.Features.Subscriptions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// Walks every endpoint the app registers — so a page added later is covered without touching this test — and
/// checks that a visitor without a session gets the entry page, a 4xx, or one of the explicitly anonymous pages.
/// </summary>
public sealed class AnonymousCrawlTests : PortalTest
{

    // Anonymous endpoints that are not pages: machine-readable, and content-free.
    private static readonly string[] AnonymousEndpoints = ["/health", "/health/live", "/health/ready", "/.well-known/security.txt", OneClickUnsubscribe.Path];

    private IReadOnlyList<string> Routes()
    {
        _ = Factory.Server;
        var sources = Factory.Services.GetServices<EndpointDataSource>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r, "\\{[^}]+\\}", "1"))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    [Fact]
    public void Crawl_FindsTheAppsPages()
    {
        var routes = Routes();
        Assert.Contains("/Admin/Audit", routes);
        Assert.Contains("/Entry", routes);
        Assert.True(routes.Count > 20, $"only {routes.Count} routes found");
    }

    [Fact]
    public async Task EveryRoute_WithoutSession_GetsEntryOr4xxNeverContent()
    {
        var failures = new List<string>();
        foreach (var route in Routes())
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                using var browser = new Browser(Factory);
                var response = method == HttpMethod.Get
                    ? await browser.GetAsync(route)
                    : await browser.PostAsync(route, [new("x", "y")]);
                var status = (int)response.StatusCode;
                var allowedAnonymously = AccessPolicy.AnonymousPages.Contains(route, StringComparer.OrdinalIgnoreCase)
                                         || AnonymousEndpoints.Contains(route);
                var location = response.Headers.Location?.OriginalString ?? "";
                var ok = status is >= 400 and < 500
                         || (Browser.IsRedirect(response) && location.StartsWith("/Entry", StringComparison.Ordinal))
                         || (Browser.IsRedirect(response) && location.StartsWith("http://localhost/Entry", StringComparison.Ordinal))
                         || (allowedAnonymously && status < 400);
                if (!ok)
                {
                    failures.Add($"{method} {route} -> {status} {location}");
                }

                if (!allowedAnonymously && status == 200)
                {
                    failures.Add($"{method} {route} answered 200 to an anonymous visitor");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task ProtectedPage_RedirectsToEntryWithLocalReturnUrl()
    {
        using var browser = new Browser(Factory);
        var response = await browser.GetAsync("/Admin/Audit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Entry?returnUrl=%2FAdmin%2FAudit", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousPost_WithoutAntiforgeryToken_IsRefused()
    {
        using var browser = new Browser(Factory);
        var response = await browser.PostAsync("/Access/Request", [new("Input.Name", "X")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
