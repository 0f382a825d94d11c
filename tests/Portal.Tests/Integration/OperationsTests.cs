using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// What an operator relies on behind nginx: the client address comes from the proxy and from nothing a client wrote,
/// the health endpoints say whether an instance may take traffic, the metrics answer on their own port only, and the
/// key ring is sealed with the operator's certificate.
/// </summary>
public sealed class OperationsTests : PortalTest
{
    private const string Client = "203.0.113.5";

    // The address every rate limit counts (RateLimits.PartitionKey of the connection's address) is the one the audit log
    // records with a refused sign-in.
    private async Task<string?> AddressOfAFailedSignInAsync(Browser browser)
    {
        var email = $"nobody{Guid.NewGuid():N}@mission.test";
        await browser.OpenAsync("/Account/SignIn");
        await browser.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "not the password" });
        return await Factory.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Action == nameof(AuditEvent.SignInFailed) && e.Target == email).Select(e => e.IpAddress).SingleAsync());
    }

    [Fact]
    public async Task ForwardedFor_SentByAClientThatIsNoProxy_ChangesNothing()
    {
        using var visitor = new Browser(Factory, Client);
        visitor.SendHeader("X-Forwarded-For", "198.51.100.7");

        Assert.Equal(Client, await AddressOfAFailedSignInAsync(visitor));
    }

    [Fact]
    public async Task ForwardedFor_FromTheProxy_GivesTheAddressTheProxyAdded_NotOneTheClientWroteInFront()
    {
        // nginx on the same machine (loopback, trusted by default) appends the address it saw to what the client sent.
        using var throughProxy = new Browser(Factory, "127.0.0.1");
        throughProxy.SendHeader("X-Forwarded-For", "198.51.100.7, " + Client);

        Assert.Equal(Client, await AddressOfAFailedSignInAsync(throughProxy));
    }

    [Fact]
    public async Task KnownNetworks_FromConfiguration_ReplaceTheLoopbackDefault()
    {
        Factory.Settings["ForwardedHeaders:KnownNetworks:0"] = "10.20.0.0/16";

        using var proxy = new Browser(Factory, "10.20.3.4");
        proxy.SendHeader("X-Forwarded-For", Client);
        Assert.Equal(Client, await AddressOfAFailedSignInAsync(proxy));

        using var local = new Browser(Factory, "127.0.0.1");
        local.SendHeader("X-Forwarded-For", Client);
        Assert.Equal("127.0.0.1", await AddressOfAFailedSignInAsync(local));
    }

    [Fact]
    public void AProxyEntryThatIsNoAddress_StopsTheStart_NamingIt()
    {
        Factory.Settings["ForwardedHeaders:KnownProxies:0"] = "nginx.internal";
        Factory.Settings["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/40";

        var refused = Assert.Throws<OptionsValidationException>(() => Factory.Server);
        Assert.Contains("ForwardedHeaders:KnownProxies holds \"nginx.internal\", which is not an IP address", refused.Message, StringComparison.Ordinal);
        Assert.Contains("ForwardedHeaders:KnownNetworks holds \"10.0.0.0/40\"", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_LiveAnswersAlways_ReadyOnlyWithEveryMigrationApplied()
    {
        using var probe = new Browser(Factory);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/ready")).StatusCode);

        // As if this version's last migration had not been applied (an instance started on a database not yet upgraded).
        await Factory.WithDbAsync(async db =>
        {
            var last = db.Database.GetMigrations().Last();
            return await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");
        });

        var ready = await probe.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await probe.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Metrics_AnswerOnTheMetricsPortOnly_WithRequestsOutboxAndFailedSignIns()
    {
        Factory.Settings["Metrics:Port"] = "9464";
        using var visitor = new Browser(Factory, Client);
        await AddressOfAFailedSignInAsync(visitor);

        // Whatever nginx forwards arrives on the portal's own port: the answer to any address that is not a page.
        var fromOutside = await visitor.GetAsync("/metrics");
        Assert.Equal("/Entry", Browser.RedirectPath(fromOutside));
        Assert.DoesNotContain("portal_", await fromOutside.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var prometheus = new Browser(Factory, "127.0.0.1");
        prometheus.SendHeader(ClientAddressFilter.PortHeader, "9464");
        var scrape = await prometheus.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.Matches(@"\nportal_signin_failures_total(\{[^}]*\})? 1\n", text);
        Assert.Matches(@"\nportal_outbox_backlog(\{[^}]*\})? 0\n", text);
        // Job runs, recorded by the background loop whenever it ends a run, are counted in ScheduledJobTests.
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyRing_WithACertificate_IsStoredEncrypted_ReadByAnInstanceWithTheCertificate_AndUselessWithoutIt()
    {
        var directory = Directory.CreateTempSubdirectory("portal-keyring-");
        try
        {
            var (certificateFile, keyFile, _) = LocalMachine.WriteSelfSignedCertificate(directory.FullName, "dataprotection", "Portal Data Protection");
            Factory.Settings["DataProtection:CertificateFile"] = certificateFile;
            Factory.Settings["DataProtection:KeyFile"] = keyFile;
            var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member);
            using var browser = new Browser(Factory);
            await browser.SignInAsync(Factory, member);

            var stored = await Factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
            var key = Assert.Single(stored);
            Assert.Contains("encryptedSecret", key, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);

            await using (var sameCertificate = new PortalFactory().ShareDatabaseWith(Factory))
            {
                sameCertificate.Settings["DataProtection:CertificateFile"] = certificateFile;
                sameCertificate.Settings["DataProtection:KeyFile"] = keyFile;
                using var other = CopySession(browser, sameCertificate);
                Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/")).StatusCode);
            }

            await using var withoutCertificate = new PortalFactory().ShareDatabaseWith(Factory);
            using var stranger = CopySession(browser, withoutCertificate);
            Assert.Equal("/Entry", Browser.RedirectPath(await stranger.GetAsync("/")));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Browser CopySession(Browser from, PortalFactory to)
    {
        var browser = new Browser(to);
        foreach (Cookie cookie in from.Cookies.GetAllCookies())
        {
            browser.Cookies.Add(cookie);
        }

        return browser;
    }

}
