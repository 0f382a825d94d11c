using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Catalogue;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.PrintSamples;

namespace Portal.Tests.Integration;

/// <summary>
/// The build of the book through the real pages and the real background work: an editor asks for it, the builder
/// runs it with headless Chromium, and readers get a PDF, an EPUB, a one-file HTML and a web edition, each only if
/// they may read that edition.
/// </summary>
public sealed class CatalogueBuildTests : PortalTest
{
    private const string Clearance = "Clearance of cluster munition remnants in Xieng Khouang";
    private const string Stockpile = "Destroying a stockpile in eighteen months";
    private const string Victims = "Victim assistance in rural communities";
    private const string Hostile = "<script>alert(1)</script> & <img src=x onerror=alert(2)> ]]> <!-- x";

    [Fact]
    public async Task Editor_BuildsTheStatesEdition_AndAStateReadsTheVerifiedFilesAndTheWebEdition()
    {
        var call = await AcceptedBookAsync();
        var editor = await EditorAsync();
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, editor);

        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Book");
        await browser.SubmitAsync("#build-states");
        var buildPath = new Uri(browser.Page!.Url).AbsolutePath;
        Assert.Matches("^/Catalogue/Builds/[0-9]+$", buildPath);
        Assert.Equal("Waiting for the builder to start.", browser.Page.QuerySelector("[data-testid=build-progress] p")!.TextContent.Trim());
        Assert.NotNull(browser.Page.QuerySelector($"a[href='{buildPath}']"));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == nameof(Portal.Features.Audit.AuditEvent.BookBuildRequested))));

        Assert.True(await RunNextBuildAsync());
        await browser.OpenAsync(buildPath);
        Assert.NotNull(browser.Page!.QuerySelector("[data-testid=build-ready]"));
        Assert.Null(browser.Page.QuerySelector("[data-testid=build-progress]"));
        var build = await Factory.WithDbAsync(db => db.CatalogueBuilds.AsNoTracking().SingleAsync());
        Assert.Equal(BuildStatus.Succeeded, build.Status);
        Assert.Equal(build.Fingerprint, browser.Find("[data-testid=fingerprint]"));
        Assert.Equal(4, build.Chapters);

        // Readers see nothing until an editor publishes the build.
        using var reader = new Browser(Factory);
        await reader.SignInAsync(Factory, await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "CHL"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(buildPath)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"{buildPath}/Download/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"{buildPath}/Read/nav.xhtml")).StatusCode);
        await browser.SubmitAsync("form[action*='handler=Publish']");
        Assert.StartsWith("Published on ", browser.Find("[data-testid=publication]"), StringComparison.Ordinal);

        // A State's focal point (not an editor) reads the published build.
        await reader.OpenAsync("/Catalogue");
        Assert.Contains(reader.Page!.QuerySelectorAll("[data-testid=editions] a"), a => a.GetAttribute("href") == buildPath);
        await reader.OpenAsync(buildPath);
        var rows = reader.Page!.QuerySelectorAll("[data-testid=downloads] tbody tr");
        Assert.Equal(3, rows.Length);

        var pdf = await DownloadAsync(reader, $"{buildPath}/Download/pdf", "application/pdf", rows[0]);
        var pdfFile = Path.Combine(TestEnvironment.Artifacts, "print", TestEnvironment.Provider, "built-book.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(pdfFile)!);
        await File.WriteAllBytesAsync(pdfFile, pdf);
        var pages = (await PopplerAsync("pdfinfo", pdfFile)).Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        Assert.Equal(build.Pages, int.Parse(pages["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture));
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            Assert.True(document.TryGetBookmarks(out var bookmarks) && bookmarks.GetNodes().Any(), "The PDF has an outline.");
        }

        // Every chapter title, author line and credit, in the editors' order; the notice at the end.
        var text = Flat(await TextAsync(pdfFile, 1, build.Pages!.Value));
        var body = text[text.IndexOf("PART 1", StringComparison.Ordinal)..];
        AssertInOrder(body, Clearance, "Ana Silva", "Photo: Mine Action Centre / K. Phommachanh", Stockpile, "Pedro Rojas", Victims, "Lina Haddad");
        Assert.Contains("It is not published under an open licence.", text, StringComparison.Ordinal);

        var epub = await DownloadAsync(reader, $"{buildPath}/Download/epub", "application/epub+zip", rows[1]);
        var epubFile = Path.Combine(TestEnvironment.Artifacts, "print", TestEnvironment.Provider, "built-book.epub");
        await File.WriteAllBytesAsync(epubFile, epub);
        Assert.DoesNotContain(await Epubcheck.CheckAsync(epubFile), m => m.Severity is "ERROR" or "FATAL");

        var html = await DownloadAsync(reader, $"{buildPath}/Download/html", "text/html", rows[2]);
        Assert.Contains(Victims, System.Text.Encoding.UTF8.GetString(html), StringComparison.Ordinal);

        // The web edition: the contents, a chapter with its author line and its photograph, and the way back.
        await reader.OpenAsync($"{buildPath}/Read/");
        Assert.EndsWith("/Read/nav.xhtml", reader.Page!.Url, StringComparison.Ordinal);
        var contents = reader.Page.QuerySelectorAll("[data-testid=book-page] nav#toc a").Select(a => a.TextContent.Trim()).ToList();
        AssertInOrder(string.Join(" | ", contents), Clearance, Stockpile, Victims, "Photo credits", "Notice");
        var chapterLink = reader.Page.QuerySelectorAll("nav#toc a").First(a => a.TextContent.Trim() == Clearance).GetAttribute("href")!;
        Assert.StartsWith($"{buildPath}/Read/chapter-", chapterLink, StringComparison.Ordinal);
        await reader.OpenAsync(chapterLink);
        var page = reader.Page!.QuerySelector("[data-testid=book-page]")!;
        Assert.Equal(Clearance, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Ana Silva", page.TextContent, StringComparison.Ordinal);
        HostileInput.AssertInert(page);
        var image = page.QuerySelector("figure img")!;
        Assert.False(string.IsNullOrEmpty(image.GetAttribute("alt")));
        var jpeg = await reader.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(reader.Page.Url), image.GetAttribute("src")!).PathAndQuery));
        Assert.Equal(HttpStatusCode.OK, jpeg.StatusCode);
        Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(reader.Page.QuerySelector("a[rel=next]"));
        Assert.NotNull(reader.Page.QuerySelector("a[rel=prev]"));

        // What a contributor typed is text on the web edition's pages, whatever it holds.
        await reader.OpenAsync($"{buildPath}/Read/nav.xhtml");
        await reader.OpenAsync(reader.Page!.QuerySelectorAll("nav#toc a").Single(a => a.TextContent.Trim() == Hostile).GetAttribute("href")!);
        var hostilePage = reader.Page!.QuerySelector("[data-testid=book-page]")!;
        HostileInput.AssertInert(hostilePage);
        Assert.Equal(Hostile, hostilePage.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("javascript:alert(1)", hostilePage.TextContent, StringComparison.Ordinal);

        // A newer build, once published, retires this one for readers.
        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Book");
        await browser.SubmitAsync("#build-states");
        var newer = new Uri(browser.Page!.Url).AbsolutePath;
        Assert.True(await RunNextBuildAsync());
        await browser.OpenAsync(newer);
        await browser.SubmitAsync("form[action*='handler=Publish']");
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(buildPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(newer)).StatusCode);
        Assert.Equal(2, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == nameof(Portal.Features.Audit.AuditEvent.BookEditionPublished))));

        // Withdrawn, it is the editors' again.
        await browser.OpenAsync(newer);
        await browser.SubmitAsync("form[action*='handler=Withdraw']");
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(newer)).StatusCode);
    }

    [Fact]
    public async Task StatesEdition_IsClosedToObserversAndVisitors_AndTheObserversEditionLeavesOutStatesOnly()
    {
        var call = await AcceptedBookAsync();
        var editor = await EditorAsync();
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, editor);
        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Book");
        await browser.SubmitAsync("#build-states");
        var states = new Uri(browser.Page!.Url).AbsolutePath;
        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Book");
        await browser.SubmitAsync("#build-observers");
        var observers = new Uri(browser.Page!.Url).AbsolutePath;
        Assert.NotEqual(states, observers);
        Assert.True(await RunNextBuildAsync());
        Assert.True(await RunNextBuildAsync());
        Assert.False(await RunNextBuildAsync());
        foreach (var path in new[] { states, observers })
        {
            await browser.OpenAsync(path);
            await browser.SubmitAsync("form[action*='handler=Publish']");
        }

        using var observer = new Browser(Factory);
        await observer.SignInAsync(Factory, await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-watch"));
        foreach (var path in new[] { states, $"{states}/Download/pdf", $"{states}/Download/epub", $"{states}/Download/html", $"{states}/Read/nav.xhtml", $"{states}/Read/images/figure-001.jpg" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await observer.GetAsync(path)).StatusCode);
        }

        await observer.OpenAsync("/Catalogue");
        Assert.Equal([observers], observer.Page!.QuerySelectorAll("[data-testid=editions] a").Select(a => a.GetAttribute("href")).ToList());
        await observer.OpenAsync($"{observers}/Read/nav.xhtml");
        var contents = observer.Page!.QuerySelector("nav#toc")!.TextContent;
        Assert.Contains(Clearance, contents, StringComparison.Ordinal);
        Assert.DoesNotContain(Stockpile, contents, StringComparison.Ordinal);

        // An organisation's focal point is an observer in this sense: the observers' edition, not the States'.
        using var organisation = new Browser(Factory);
        await organisation.SignInAsync(Factory, await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "ngo-watch"));
        Assert.Equal(HttpStatusCode.OK, (await organisation.GetAsync($"{observers}/Download/epub")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organisation.GetAsync($"{states}/Download/epub")).StatusCode);

        using var anonymous = new Browser(Factory);
        var response = await anonymous.GetAsync($"{observers}/Download/pdf");
        Assert.True(Browser.IsRedirect(response));
        Assert.StartsWith("/Entry", Browser.RedirectPath(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoBuilds_OfTheSameContributions_GiveTheSameFingerprint_TheSameEpubBytes_AndTheSamePdfText()
    {
        var call = await AcceptedBookAsync();
        var editor = await EditorAsync();
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, editor);
        for (var i = 0; i < 2; i++)
        {
            await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Book");
            await browser.SubmitAsync("#build-states");
            Assert.True(await RunNextBuildAsync());
            // Nothing of the clock may reach the files.
            Factory.Time.Advance(TimeSpan.FromMinutes(10));
        }

        var builds = await Factory.WithDbAsync(db => db.CatalogueBuilds.AsNoTracking().Include(b => b.Files).OrderBy(b => b.Id).ToListAsync());
        Assert.Equal(2, builds.Count);
        Assert.All(builds, b => Assert.Equal(BuildStatus.Succeeded, b.Status));
        Assert.Equal(builds[0].Fingerprint, builds[1].Fingerprint);
        string Hash(CatalogueBuild b, BuildFileKind kind) => b.Files.Single(f => f.Kind == kind).Sha256;
        Assert.Equal(Hash(builds[0], BuildFileKind.Epub), Hash(builds[1], BuildFileKind.Epub));
        Assert.Equal(Hash(builds[0], BuildFileKind.Html), Hash(builds[1], BuildFileKind.Html));

        var texts = new List<string>();
        foreach (var build in builds)
        {
            var fileId = build.Files.Single(f => f.Kind == BuildFileKind.Pdf).Id;
            var pdf = await Factory.WithDbAsync(db => db.BuildFileContents.Where(c => c.FileId == fileId).Select(c => c.Data).SingleAsync());
            var file = Path.Combine(Path.GetTempPath(), $"portal-build-{Guid.NewGuid():N}.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            try
            {
                texts.Add(await TextAsync(file, 1, build.Pages!.Value));
            }
            finally
            {
                File.Delete(file);
            }
        }

        Assert.Equal(texts[0], texts[1]);
    }

    [Fact]
    public async Task Build_WithNothingAccepted_IsRefusedWithAReason_AndNonEditorsCannotAskForOne()
    {
        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);
        var call = await CatalogueSteps.CreateCallAsync(Factory, today.AddDays(-10), today.AddDays(10));
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, await EditorAsync());
        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Book");
        await browser.SubmitAsync("#build-states");
        Assert.Equal("There is nothing to build yet: accept at least one contribution first.", browser.Find(".error-summary li"));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.CatalogueBuilds.CountAsync()));

        using var focal = new Browser(Factory);
        await focal.SignInAsync(Factory, await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO"));
        await focal.OpenAsync("/");
        var post = await focal.PostAsync($"/Catalogue/Calls/{call.Id}/Book?handler=Build",
            [new("__RequestVerificationToken", focal.Token()), new("forObservers", "false")]);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.CatalogueBuilds.CountAsync()));
    }

    [Fact]
    public async Task Build_WhoseBrowserCannotStart_FailsWithASentence_AndTheEditorCanBuildAgain()
    {
        Factory.Settings["Print:ExecutablePath"] = "/nonexistent/chromium";
        var call = await AcceptedBookAsync();
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, await EditorAsync());
        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Book");
        await browser.SubmitAsync("#build-states");
        var buildPath = new Uri(browser.Page!.Url).AbsolutePath;

        Assert.True(await RunNextBuildAsync());
        await browser.OpenAsync(buildPath);
        Assert.Contains("The PDF could not be printed", browser.Find("[data-testid=build-failed]"), StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.BuildFiles.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"{buildPath}/Download/pdf")).StatusCode);

        // A failed build does not block the next one.
        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Book");
        await browser.SubmitAsync("#build-states");
        Assert.NotEqual(buildPath, new Uri(browser.Page!.Url).AbsolutePath);
    }

    [Fact]
    public async Task Build_StoresEachFileAsItGoes_AndItsContextKeepsNoneOfThem()
    {
        var call = await AcceptedBookAsync();
        await QueueAsync(call);

        var tracked = await Factory.WithServicesAsync(async services =>
        {
            using var scope = services.CreateScope();
            Assert.True(await scope.ServiceProvider.GetRequiredService<CatalogueBuilds>().RunNextAsync());
            // The builder's own context: a book is about 100 MB, which must not stay with it until the scope ends.
            return scope.ServiceProvider.GetRequiredService<PortalDbContext>().ChangeTracker.Entries().Count();
        });

        Assert.Equal(0, tracked);
        var build = await Factory.WithDbAsync(db => db.CatalogueBuilds.AsNoTracking().Include(b => b.Files).SingleAsync());
        Assert.Equal(BuildStatus.Succeeded, build.Status);
        Assert.Equal(4, build.Chapters);
        Assert.NotNull(build.Fingerprint);
        Assert.Equal([BuildFileKind.Pdf, BuildFileKind.Epub, BuildFileKind.Html],
            build.Files.Where(f => f.Kind is BuildFileKind.Pdf or BuildFileKind.Epub or BuildFileKind.Html).OrderBy(f => f.Id).Select(f => f.Kind));
        Assert.Equal(build.Files.Count, await Factory.WithDbAsync(db => db.BuildFileContents.CountAsync()));
    }

    [Fact]
    public async Task Build_TakenFromItsRun_WhileItRuns_KeepsWhatTheSweepWrote_AndTheRunDiscardsItsFiles()
    {
        var call = await AcceptedBookAsync();
        var id = await QueueAsync(call);
        await Factory.WithServicesAsync(async services =>
        {
            using var scope = services.CreateScope();
            var builds = scope.ServiceProvider.GetRequiredService<CatalogueBuilds>();
            var claim = await builds.ClaimNextAsync();
            Assert.Equal(id, claim!.BuildId);

            // The run stalls past the heartbeat's timeout and another instance's builder sweeps the build.
            Factory.Time.Advance(BuildHeartbeat.Timeout + TimeSpan.FromSeconds(1));
            Assert.False(await RunNextBuildAsync());
            await builds.RunAsync(claim);
            return 0;
        });

        var build = await Factory.WithDbAsync(db => db.CatalogueBuilds.AsNoTracking().SingleAsync());
        Assert.Equal(BuildStatus.Failed, build.Status);
        Assert.Equal("The build was cut off (the portal stopped while it ran). Build again.", build.Error);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.BuildFiles.CountAsync()));
        Assert.Contains(Factory.Logs.Entries, e => e.Message.Contains($"The build {id} was taken from this run", StringComparison.Ordinal));
    }

    private Task<int> QueueAsync(CatalogueCall call) =>
        Factory.WithDbAsync(async db =>
        {
            var build = new CatalogueBuild
            {
                CallId = call.Id,
                Status = BuildStatus.Queued,
                RequestedBy = "seed",
                RequestedAt = Factory.Time.GetUtcNow(),
            };
            db.CatalogueBuilds.Add(build);
            await db.SaveChangesAsync();
            return build.Id;
        });

    private Task<bool> RunNextBuildAsync() =>
        Factory.WithServicesAsync(async services =>
        {
            using var scope = services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<CatalogueBuilds>().RunNextAsync();
        });

    private static async Task<byte[]> DownloadAsync(Browser browser, string path, string mediaType, AngleSharp.Dom.IElement row)
    {
        var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), row.QuerySelector("code.hash")!.TextContent.Trim());
        return bytes;
    }

    private static void AssertInOrder(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"“{part}” is not after position {at} in: {text[..Math.Min(text.Length, 3000)]}");
            at = found + part.Length;
        }
    }

    private async Task<TestAccount> EditorAsync()
    {
        var editor = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "ESP");
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
        return editor;
    }

    /// <summary>A call with four accepted contributions in two groups; the second is for States only, the last hostile.</summary>
    private async Task<CatalogueCall> AcceptedBookAsync()
    {
        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);
        var call = await CatalogueSteps.CreateCallAsync(Factory, today.AddDays(-30), today.AddDays(-1));
        await Factory.WithDbAsync(async db =>
        {
            async Task AddAsync(string participant, string title, string author, string group, int order, bool statesOnly, bool withPhoto)
            {
                var contribution = new Contribution
                {
                    CallId = call.Id,
                    ParticipantId = await db.Participants.Where(p => p.Code == participant).Select(p => p.Id).SingleAsync(),
                    Title = title,
                    Provisions = group == "Article 5" ? CcmProvisions.Article5 : CcmProvisions.Article4,
                    Role = CooperationRole.Recipient,
                    Modalities = CooperationModalities.Bilateral,
                    Period = "2019–2023",
                    Body = title == Hostile
                        ? string.Join("\n\n", HostileInput.Corpus.Take(HostileInput.Corpus.Length - 1)) + "\n\n[a link](javascript:alert(1))"
                        : "## Context\n\n" + Body(4, seed: order) + "\n\n## Lessons learned\n\n" + Body(2, seed: order + 10),
                    StatesOnly = statesOnly,
                    Consent = true,
                    Status = ContributionStatus.Accepted,
                    ChapterGroup = group,
                    ChapterOrder = order,
                    CreatedBy = "seed",
                    Authors = [new ContributionAuthor { Name = author, Function = "Programme officer", Organisation = "National authority" }],
                    Testimonials = [new ContributionTestimonial { Quote = "We can farm again.", Person = "A farmer", Role = "Villager", Place = "Phonsavan", Consent = true }],
                };
                if (withPhoto)
                {
                    contribution.Figures.Add(CatalogueSteps.Figure(
                        "A survey team at work", "Mine Action Centre / K. Phommachanh", "Three deminers kneel in a rice field with detectors."));
                }

                db.Contributions.Add(contribution);
            }

            await AddAsync("LAO", Clearance, "Ana Silva", "Article 4", 1, statesOnly: false, withPhoto: true);
            await AddAsync("CHL", Stockpile, "Pedro Rojas", "Article 4", 2, statesOnly: true, withPhoto: false);
            await AddAsync("LBN", Victims, "Lina Haddad", "Article 5", 1, statesOnly: false, withPhoto: false);
            await AddAsync("MEX", Hostile, "Sok Dara", "Article 5", 2, statesOnly: false, withPhoto: false);
            await db.SaveChangesAsync();
            return 0;
        });
        return call;
    }
}
