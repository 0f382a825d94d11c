using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Tests.Infrastructure;

namespace Portal.BrowserTests;

/// <summary>
/// Production's shape on this machine: nginx (from Debian) with the repository's own site file
/// (deploy/nginx/portal.conf, only its addresses and certificate changed) over TLS and HTTP/2 in front of two instances
/// of the portal on one PostgreSQL database.
/// </summary>
public sealed class NginxCluster : IAsyncLifetime
{
    public const string Nginx = "/usr/sbin/nginx";
    public const string HostName = "portal.test";

    private Process? nginx;
    private DirectoryInfo? folder;
    private string thumbprint = "";

    public PortalFactory First { get; } = new();

    public PortalFactory Second { get; private set; } = null!;

    /// <summary>nginx's TLS address, https://127.0.0.1:PORT/.</summary>
    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Nginx))
        {
            throw new InvalidOperationException($"nginx is not installed ({Nginx} is missing): run the tests with ./test.sh, which installs it.");
        }

        First.UseKestrel(0);
        First.StartServer();
        Second = new PortalFactory().ShareDatabaseWith(First);
        Second.UseKestrel(0);
        Second.StartServer();

        folder = Directory.CreateTempSubdirectory("portal-nginx-");
        (var certificate, var key, thumbprint) = LocalMachine.WriteSelfSignedCertificate(folder.FullName, "tls", HostName);
        var port = LocalMachine.FreePort();
        var site = Replace(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "nginx", "portal.conf")),
            ("server 127.0.0.1:5080 ", $"server 127.0.0.1:{PortOf(First)} "),
            ("server 127.0.0.1:5081 ", $"server 127.0.0.1:{PortOf(Second)} "),
            ("    listen 80;\n    listen [::]:80;\n", $"    listen 127.0.0.1:{LocalMachine.FreePort()};\n"),
            ("    listen 443 ssl http2;\n    listen [::]:443 ssl http2;\n", $"    listen 127.0.0.1:{port} ssl http2;\n"),
            ("/etc/letsencrypt/live/portal.example.org/fullchain.pem", certificate),
            ("/etc/letsencrypt/live/portal.example.org/privkey.pem", key));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "portal.conf"), site);
        var temp = Path.Combine(folder.FullName, "temp");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "nginx.conf"), $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            daemon off;
            worker_processes 1;
            pid {{folder.FullName}}/nginx.pid;
            error_log {{folder.FullName}}/error.log warn;
            include /etc/nginx/modules-enabled/*.conf;
            events { worker_connections 256; }
            http {
                include /etc/nginx/mime.types;
                access_log off;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{folder.FullName}}/portal.conf;
            }
            """);
        Directory.CreateDirectory(temp);
        // Debian's module files name their modules relative to nginx's prefix (here the test's folder).
        Directory.CreateSymbolicLink(Path.Combine(folder.FullName, "modules"), "/usr/lib/nginx/modules");

        var start = new ProcessStartInfo(Nginx) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", folder.FullName, "-c", Path.Combine(folder.FullName, "nginx.conf") })
        {
            start.ArgumentList.Add(argument);
        }

        nginx = Process.Start(start)!;
        Address = new Uri($"https://127.0.0.1:{port}/");
        await WaitUntilListeningAsync(port);
    }

    public async Task DisposeAsync()
    {
        if (nginx is { HasExited: false })
        {
            nginx.Kill(entireProcessTree: true);
            await nginx.WaitForExitAsync();
        }

        nginx?.Dispose();
        await Second.DisposeAsync();
        await First.DisposeAsync();
        folder?.Delete(recursive: true);
    }

    /// <summary>A client of nginx that sends only what a browser sends (none of the tests' own headers).</summary>
    public HttpClient Client(DecompressionMethods decompression = DecompressionMethods.None) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = decompression,
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString(HashAlgorithmName.SHA256) == thumbprint },
    })
    {
        BaseAddress = Address,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionOrHigher,
        DefaultRequestHeaders = { Host = HostName },
    };

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (nginx!.HasExited)
            {
                throw new InvalidOperationException($"nginx stopped at start: {await nginx.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50); // Waiting for a process to open its port, not for time to pass.
            }
        }
    }

    private static string Replace(string text, params (string Old, string New)[] changes)
    {
        foreach (var (old, replacement) in changes)
        {
            if (!text.Contains(old, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"deploy/nginx/portal.conf no longer holds \"{old}\": update the smoke test with it.");
            }

            text = text.Replace(old, replacement, StringComparison.Ordinal);
        }

        return text;
    }

    private static int PortOf(PortalFactory factory) =>
        new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;


    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository (Portal.slnx) is not above the test binaries.");
    }

}

/// <summary>What nginx must not spoil and must add: run through the deploy file against two instances.</summary>
public sealed class NginxSmokeTests(NginxCluster cluster) : IClassFixture<NginxCluster>
{
    private static readonly string[] SecurityHeaders =
    [
        "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy",
        "Cross-Origin-Opener-Policy", "Strict-Transport-Security",
    ];

    [Fact]
    public async Task APage_OverHttp2_CarriesEachSecurityHeaderOnce_IsNotCached_AndNamesNoServer()
    {
        using var client = cluster.Client();
        using var page = await client.GetAsync(new Uri("/Entry", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpVersion.Version20, page.Version);
        foreach (var header in SecurityHeaders)
        {
            Assert.True(page.Headers.TryGetValues(header, out var values) || page.Content.Headers.TryGetValues(header, out values), $"{header} is missing");
            Assert.Single(values!);
        }

        Assert.Equal("no-store", Assert.Single(page.Headers.GetValues("Cache-Control")));
        Assert.Equal("nginx", Assert.Single(page.Headers.GetValues("Server")));
    }

    [Fact]
    public async Task StaticFiles_AreCachedForAYear_AndTextIsCompressed()
    {
        using var client = cluster.Client();
        var entry = await client.GetStringAsync(new Uri("/Entry", UriKind.Relative));
        var stylesheet = System.Text.RegularExpressions.Regex.Match(entry, "href=\"(/css/site\\.css\\?v=[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(stylesheet);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(System.Net.WebUtility.HtmlDecode(stylesheet), UriKind.Relative));
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var css = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", Assert.Single(css.Headers.GetValues("Cache-Control")));
        Assert.Contains(css.Content.Headers.ContentEncoding.Single(), new[] { "br", "gzip" });
    }

    [Fact]
    public async Task AnUploadOverTheSizeLimit_IsRefusedByNginx_WithThePortalsOwnPage()
    {
        using var client = cluster.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/Postings/1/Attachments", UriKind.Relative))
        {
            Content = new ByteArrayContent(new byte[41 * 1024 * 1024]) { Headers = { { "Content-Type", "application/octet-stream" } } },
        };
        request.Headers.ExpectContinue = true;
        using var refused = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<h1", page, StringComparison.Ordinal);
        Assert.Contains("File too large", page, StringComparison.Ordinal);
        Assert.Contains("What you sent is larger than the portal accepts in one go.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientWritingItsOwnForwardedFor_IsCountedByTheAddressNginxSaw_AndASignInHoldsOnBothInstances()
    {
        var member = await TestAccounts.CreateAsync(cluster.First, PortalRole.Member, "LAO");
        using var person = new Browser(cluster.First, "127.0.0.1", kestrel: cluster.Address);
        person.SendHeader("X-Forwarded-For", "198.51.100.7");

        var email = $"nobody{Guid.NewGuid():N}@mission.test";
        await person.OpenAsync("/Account/SignIn");
        await person.SubmitAsync("form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "not the password" });
        var recorded = await cluster.First.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Action == nameof(AuditEvent.SignInFailed) && e.Target == email).Select(e => e.IpAddress).SingleAsync());
        Assert.Equal("127.0.0.1", recorded);

        // nginx sends requests to both instances in turn: every page after the sign-in is the member's.
        await person.SignInAsync(cluster.First, member);
        for (var i = 0; i < 6; i++)
        {
            await person.OpenAsync("/");
            Assert.Equal(HttpStatusCode.OK, person.LastResponse!.StatusCode);
            Assert.Contains(member.ParticipantName, person.Find("[data-testid=who]"), StringComparison.Ordinal);
        }
    }
}
