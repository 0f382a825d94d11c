using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// What happens to builds around the book itself, on builds made directly in the database: the heartbeat and the sweep
/// of builds whose instance died, the purge of older builds' files, and how stored files are read back (streamed, and
/// only under the names stored for the build).
/// </summary>
public sealed class CatalogueBuildLifecycleTests : PortalTest
{
    private const string Contents = """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Contents</title></head>
        <body><nav id="toc"><ol><li><a href="chapter-001.xhtml">A chapter</a></li></ol></nav></body></html>
        """;

    [Fact]
    public async Task Sweep_FailsOnlyBuildsWhoseHeartbeatIsStale_NotThoseThatRunLong()
    {
        var call = await CallAsync();
        var now = Factory.Time.GetUtcNow();
        var longButAlive = await AddAsync(call, BuildStatus.Running, started: now.AddHours(-2), heartbeat: now.AddMinutes(-1));
        var silent = await AddAsync(call, BuildStatus.Running, started: now.AddMinutes(-10), heartbeat: now - BuildHeartbeat.Timeout - TimeSpan.FromSeconds(1));
        var young = await AddAsync(call, BuildStatus.Running, started: now.AddMinutes(-4), heartbeat: now.AddMinutes(-4));

        Assert.False(await RunNextBuildAsync());

        var builds = await Factory.WithDbAsync(db => db.CatalogueBuilds.AsNoTracking().ToDictionaryAsync(b => b.Id));
        Assert.Equal(BuildStatus.Running, builds[longButAlive].Status);
        Assert.Equal(BuildStatus.Running, builds[young].Status);
        Assert.Equal(BuildStatus.Failed, builds[silent].Status);
        Assert.Equal("The build was cut off (the portal stopped while it ran). Build again.", builds[silent].Error);
    }

    [Fact]
    public async Task Heartbeat_BeatsEveryThirtySeconds_AndOnlyWhileTheBuildIsStillThisRuns()
    {
        var call = await CallAsync();
        var start = Factory.Time.GetUtcNow();
        var claim = new BuildClaim(await AddAsync(call, BuildStatus.Running, started: start, heartbeat: start), Guid.NewGuid());
        await Factory.WithDbAsync(db => db.CatalogueBuilds.Where(b => b.Id == claim.BuildId).ExecuteUpdateAsync(s => s.SetProperty(b => b.ClaimToken, claim.Token)));
        var scopes = Factory.Services.GetRequiredService<IServiceScopeFactory>();
        var logger = Factory.Services.GetRequiredService<ILogger<CatalogueBuildLifecycleTests>>();
        Task<DateTimeOffset?> HeartbeatAsync() => Factory.WithDbAsync(db => db.CatalogueBuilds.Where(b => b.Id == claim.BuildId).Select(b => b.HeartbeatAt).SingleAsync());

        await using (new BuildHeartbeat(scopes, Factory.Time, claim, logger))
        {
            Factory.Time.Advance(BuildHeartbeat.Interval - TimeSpan.FromSeconds(1));
        }

        AssertSame(start, await HeartbeatAsync());

        await using (new BuildHeartbeat(scopes, Factory.Time, claim, logger))
        {
            Factory.Time.Advance(BuildHeartbeat.Interval);
        }

        AssertSame(start + BuildHeartbeat.Interval - TimeSpan.FromSeconds(1) + BuildHeartbeat.Interval, await HeartbeatAsync());

        // Another instance took the build: this run's heartbeat no longer touches it.
        var before = await HeartbeatAsync();
        await Factory.WithDbAsync(db => db.CatalogueBuilds.Where(b => b.Id == claim.BuildId).ExecuteUpdateAsync(s => s.SetProperty(b => b.ClaimToken, Guid.NewGuid())));
        await using (new BuildHeartbeat(scopes, Factory.Time, claim, logger))
        {
            Factory.Time.Advance(BuildHeartbeat.Interval);
        }

        Assert.Equal(before, await HeartbeatAsync());
    }

    // PostgreSQL keeps microseconds, the clock ticks.
    private static void AssertSame(DateTimeOffset expected, DateTimeOffset? actual) =>
        Assert.Equal(expected, Assert.NotNull(actual), TimeSpan.FromMilliseconds(1));

    [Fact]
    public async Task Purge_KeepsPublishedNewestAndRunningBuildsFiles_RemovesOlderOnes_AndTheirPagesSaySo()
    {
        var call = await CallAsync();
        var now = Factory.Time.GetUtcNow();
        var older = await AddAsync(call, BuildStatus.Succeeded, withFiles: true);
        var published = await AddAsync(call, BuildStatus.Succeeded, withFiles: true, published: true);
        var retired = await AddAsync(call, BuildStatus.Succeeded, withFiles: true);
        var newestFinished = await AddAsync(call, BuildStatus.Succeeded, withFiles: true);
        var failedLeftovers = await AddAsync(call, BuildStatus.Failed, withFiles: true);
        var running = await AddAsync(call, BuildStatus.Running, started: now, heartbeat: now, withFiles: true);
        var observers = await AddAsync(call, BuildStatus.Succeeded, withFiles: true, forObservers: true);

        await RunBuildJobAsync();

        Assert.Equal([published, newestFinished, running, observers], await WithContentsAsync());
        var removed = await Factory.WithDbAsync(db => db.CatalogueBuilds.AsNoTracking().Where(b => b.Id == older || b.Id == retired).ToListAsync());
        Assert.All(removed, b => Assert.Equal(BuildStatus.FilesRemoved, b.Status));
        Assert.All(removed, b => AssertSame(now, b.FilesRemovedAt));
        // The record keeps the downloads' hashes; the web edition's rows go with their bytes; a failed run keeps nothing.
        Assert.Equal([BuildFileKind.Pdf], await Factory.WithDbAsync(db => db.BuildFiles.Where(f => f.BuildId == older).Select(f => f.Kind).ToListAsync()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.BuildFiles.CountAsync(f => f.BuildId == failedLeftovers)));

        using var editor = new Browser(Factory);
        await editor.SignInAsync(Factory, await EditorAsync());
        await editor.OpenAsync($"/Catalogue/Builds/{older}");
        Assert.Equal(BuildLabels.FilesRemoved(removed.Single(b => b.Id == older)), editor.Find("[data-testid=build-files-removed] p"));
        Assert.StartsWith("The files of this build were removed on ", editor.Find("[data-testid=build-files-removed] p"), StringComparison.Ordinal);
        Assert.Null(editor.Page!.QuerySelector("[data-testid=downloads] a"));
        Assert.Null(editor.Page.QuerySelector("form[action*='handler=Publish']"));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/Catalogue/Builds/{older}/Download/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/Catalogue/Builds/{older}/Read/nav.xhtml")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/Catalogue/Builds/{newestFinished}/Download/pdf")).StatusCode);

        // A newer build makes the one kept so far an older one; the job removes its files within a day, not at once.
        var newer = await AddAsync(call, BuildStatus.Succeeded, withFiles: true);
        await RunBuildJobAsync();
        Assert.Contains(newestFinished, await WithContentsAsync());
        Factory.Time.Advance(CatalogueBuildJob.PurgeEvery);
        await RunBuildJobAsync();
        // A day without a heartbeat also failed the running build, whose files went with it.
        Assert.Equal([published, observers, newer], await WithContentsAsync());
    }

    [Fact]
    public async Task Download_IsStreamedFromTheDatabase_WithItsLengthNameAndType()
    {
        var call = await CallAsync();
        var pdf = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        var id = await AddAsync(call, BuildStatus.Succeeded, pdf: pdf);
        using var editor = new Browser(Factory);
        await editor.SignInAsync(Factory, await EditorAsync());

        var response = await editor.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/Catalogue/Builds/{id}/Download/pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"good-practices-in-cooperation-and-assistance-states-build-{id}.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(pdf.LongLength, response.Content.Headers.ContentLength);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());

        // Read from the database as it is sent, not copied into memory first (SQLite does that unless the row id is selected).
        var fileId = await Factory.WithDbAsync(db => db.BuildFiles.Where(f => f.BuildId == id).Select(f => f.Id).SingleAsync());
        await Factory.WithDbAsync(async db =>
        {
            await using var stream = await BuildFileBytes.OpenAsync(db, fileId);
            Assert.IsNotType<MemoryStream>(Assert.IsType<BuildFileBytes.ReaderStream>(stream).Content);
            return 0;
        });
    }

    [Theory]
    [InlineData("../Download/pdf")]
    [InlineData("..%2FDownload%2Fpdf")]
    [InlineData("%2e%2e/Download/pdf")]
    [InlineData("%2e%2e%2fDownload%2fpdf")]
    [InlineData("images/../nav.xhtml")]
    [InlineData("images/%2e%2e/nav.xhtml")]
    [InlineData("./nav.xhtml")]
    [InlineData("images%2Ffigure-001.jpg")]
    [InlineData("images\\figure-001.jpg")]
    [InlineData("images%5Cfigure-001.jpg")]
    [InlineData("..\\..\\..\\etc\\passwd")]
    [InlineData("..%5C..%5Cetc%5Cpasswd")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData("NAV.XHTML")]
    [InlineData("nav.xhtml%20")]
    [InlineData("figure-001.jpg")]
    public async Task Read_ServesOnlyTheNamesStoredForTheBuild_NotTraversalLookingOnes(string name)
    {
        var call = await CallAsync();
        var id = await AddAsync(call, BuildStatus.Succeeded, withFiles: true);
        using var editor = new Browser(Factory);
        await editor.SignInAsync(Factory, await EditorAsync());
        // The path as the server reads it off the wire (HttpClient would resolve the dots and turn backslashes into slashes).
        async Task<int> StatusAsync(string path) => (await Factory.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = PathString.FromUriComponent($"/Catalogue/Builds/{id}/Read/{path}");
            context.Request.Headers.Cookie = editor.Cookies.GetCookieHeader(new Uri("http://localhost/"));
            context.Request.Headers[ClientAddressFilter.Header] = editor.Address;
        })).Response.StatusCode;
        Assert.Equal(StatusCodes.Status200OK, await StatusAsync("nav.xhtml"));
        Assert.Equal(StatusCodes.Status200OK, await StatusAsync("images/figure-001.jpg"));

        Assert.Equal(StatusCodes.Status404NotFound, await StatusAsync(name));
    }

    private Task RunBuildJobAsync() => Factory.Services.GetServices<IHostedService>().OfType<CatalogueBuildJob>().Single().RunOnceAsync();

    private Task<bool> RunNextBuildAsync() =>
        Factory.WithServicesAsync(services => services.GetRequiredService<CatalogueBuilds>().RunNextAsync());

    /// <summary>The builds whose files' bytes are still stored, in order.</summary>
    private Task<List<int>> WithContentsAsync() =>
        Factory.WithDbAsync(db => db.BuildFiles.Where(f => db.BuildFileContents.Any(c => c.FileId == f.Id)).Select(f => f.BuildId).Distinct().OrderBy(b => b).ToListAsync());

    private Task<CatalogueCall> CallAsync()
    {
        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);
        return CatalogueSteps.CreateCallAsync(Factory, today.AddDays(-30), today.AddDays(-1));
    }

    private async Task<TestAccount> EditorAsync()
    {
        var editor = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "ESP");
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
        return editor;
    }

    private Task<int> AddAsync(
        CatalogueCall call, BuildStatus status, DateTimeOffset? started = null, DateTimeOffset? heartbeat = null, bool withFiles = false,
        bool published = false, bool forObservers = false, byte[]? pdf = null) =>
        Factory.WithDbAsync(async db =>
        {
            var now = Factory.Time.GetUtcNow();
            var build = new CatalogueBuild
            {
                CallId = call.Id,
                ForObservers = forObservers,
                Status = status,
                RequestedBy = "seed",
                RequestedAt = started ?? now,
                StartedAt = started ?? now,
                HeartbeatAt = heartbeat,
                FinishedAt = status is BuildStatus.Succeeded or BuildStatus.Failed ? now : null,
                PublishedAt = published ? now : null,
                Chapters = 1,
                Pages = 1,
            };
            if (pdf is not null)
            {
                build.Files.Add(File(BuildFileKind.Pdf, "", pdf));
            }

            if (withFiles)
            {
                build.Files.Add(File(BuildFileKind.Pdf, "", "%PDF-1.7"u8.ToArray()));
                build.Files.Add(File(BuildFileKind.WebPage, "nav.xhtml", System.Text.Encoding.UTF8.GetBytes(Contents)));
                build.Files.Add(File(BuildFileKind.WebImage, "images/figure-001.jpg", [0xFF, 0xD8, 0xFF, 0xD9]));
            }

            db.CatalogueBuilds.Add(build);
            await db.SaveChangesAsync();
            return build.Id;
        });

    private static BuildFile File(BuildFileKind kind, string name, byte[] content) => new()
    {
        Kind = kind,
        Name = name,
        Length = content.LongLength,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        Content = new BuildFileContent { Data = content },
    };
}
