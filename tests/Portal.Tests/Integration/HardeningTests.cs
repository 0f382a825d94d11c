using System.Net;
using Portal.Data;
using Portal.Infrastructure.Security;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

public sealed class HardeningTests : PortalTest
{

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        var headers = response.Headers;
        Assert.True(headers.Contains("Content-Security-Policy"), $"{what}: no CSP");
        var csp = string.Join(";", headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", headers.GetValues("Referrer-Policy").Single());
        Assert.False(headers.Contains("Server"), $"{what}: Server header");
        Assert.False(headers.Contains("X-Powered-By"), $"{what}: X-Powered-By header");
    }

    [Fact]
    public async Task EveryKindOfResponse_CarriesTheSecurityHeaders()
    {
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        using var anonymous = new Browser(Factory);
        using var signedIn = new Browser(Factory);
        await signedIn.SignInAsync(Factory, member);

        var responses = new List<(string, HttpResponseMessage)>
        {
            ("entry", await anonymous.GetAsync("/Entry")),
            ("redirect", await anonymous.GetAsync("/Admin")),
            ("404", await anonymous.GetAsync("/no-such-page")),
            ("antiforgery 400", await anonymous.PostAsync("/Entry", [new("Input.Code", "x")])),
            ("static", await anonymous.GetAsync("/css/site.css")),
            ("health", await anonymous.GetAsync("/health")),
            ("security.txt", await anonymous.GetAsync("/.well-known/security.txt")),
            ("home", await signedIn.GetAsync("/")),
            ("account", await signedIn.GetAsync("/Account/Manage")),
        };
        foreach (var (what, response) in responses)
        {
            AssertSecurityHeaders(response, what);
        }
    }

    [Fact]
    public async Task PagesBehindSignIn_AreNotStored_StaticFilesMayBeCached()
    {
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, member);
        foreach (var path in new[] { "/", "/Account/Manage" })
        {
            var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path} lacks no-store");
        }

        var css = await browser.GetAsync("/css/site.css");
        Assert.False(css.Headers.CacheControl?.NoStore ?? false);
    }

    [Fact]
    public async Task VersionedStylesheetAndIcon_AreKeptForAYear_AndTheIconIsServedToEveryone()
    {
        using var anonymous = new Browser(Factory);
        await anonymous.OpenAsync("/Entry");
        foreach (var href in new[] { "link[rel=stylesheet]", "link[rel=icon]" }.Select(s => anonymous.Page!.QuerySelector(s)!.GetAttribute("href")!).ToList())
        {
            Assert.Contains("?v=", href, StringComparison.Ordinal);
            var response = await anonymous.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
            Assert.Contains("immutable", response.Headers.CacheControl!.Extensions.Select(e => e.Name));
        }

        // Browsers ask for /favicon.ico on their own; it is there rather than a 404 on every first visit.
        var ico = await anonymous.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, ico.StatusCode);
        Assert.Equal("image/x-icon", ico.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromHours(1), ico.Headers.CacheControl?.MaxAge);
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyLaxAndSecureOverHttps()
    {
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        using var browser = new Browser(Factory, https: true);
        await browser.OpenAsync("/Account/SignIn");
        var response = await browser.SubmitAsync("form", new Dictionary<string, string>
        {
            ["Input.Email"] = member.Email,
            ["Input.Password"] = member.Password,
        }, follow: false);
        var setCookies = response.Headers.GetValues("Set-Cookie").ToList();
        var session = setCookies.Single(c => c.StartsWith("portal.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", session, StringComparison.OrdinalIgnoreCase);

        using var plain = new Browser(Factory);
        var entry = await plain.GetAsync("/Entry");
        var antiforgery = entry.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.antiforgery=", StringComparison.Ordinal));
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RateLimitedAnswer_Is429WithRetryAfter()
    {
        using var browser = new Browser(Factory);
        await browser.OpenAsync("/Account/ForgotPassword");
        var token = browser.Page!.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Task<HttpResponseMessage> PostAsync(int i) => browser.PostAsync("/Account/ForgotPassword",
            [new("Input.Email", $"n{i}@example.test"), new("__RequestVerificationToken", token)]);

        // An address's whole budget of reset requests for the hour is answered as usual; the next one is refused.
        for (var i = 0; i < RateLimits.PasswordResetsPerHour; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(i)).StatusCode);
        }

        var last = await PostAsync(RateLimits.PasswordResetsPerHour);
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        var retryAfter = int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Contains("Too many attempts", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecurityTxt_ComesFromConfiguration()
    {
        Factory.Settings["SecurityTxt:Contact"] = "mailto:isu-security@portal.test";
        using var browser = new Browser(Factory);
        var response = await browser.GetAsync("/.well-known/security.txt");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Contact: mailto:isu-security@portal.test", text, StringComparison.Ordinal);
        Assert.Matches(@"Expires: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", text);
    }

    [Fact]
    public async Task Health_AnswersHealthy()
    {
        using var browser = new Browser(Factory);
        var response = await browser.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownPage_ShowsAPlainNotFoundPage_ToSignedInPeople_AndTheEntryToOthers()
    {
        using var anonymous = new Browser(Factory);
        Assert.Equal("/Entry", Browser.RedirectPath(await anonymous.GetAsync("/no/such/page")));

        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, member);
        var response = await browser.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", browser.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerError_ShowsAGenericPageWithAReference_AndNoDetail()
    {
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, member);
        var response = await browser.GetAsync(FailingPathFilter.Path);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Something went wrong", browser.Text, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", browser.Find("[data-testid=reference]"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        AssertSecurityHeaders(response, "500");
    }

    [Fact]
    public void Csp_AllowsNoInlineScriptOrStyle() =>
        Assert.DoesNotContain("unsafe", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
}
