using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.EntryCodes;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.Integration;

/// <summary>
/// Every page and endpoint the app registers (read from its endpoint data source, so a page added later is covered
/// without touching this test), as every kind of visitor, with every method, every handler and bad input of every
/// kind. Whatever is sent, the portal answers without a server error, without a trace of its internals, with its
/// security headers, and logs no failure.
/// </summary>
public sealed partial class RouteFuzzTests(ITestOutputHelper output) : PortalTest
{
    public enum Role
    {
        Anonymous,
        StatesCode,
        ObserversCode,
        Member,
        FocalPoint,
        Observer,
        Coordinator,
    }

    private static readonly HttpMethod[] OtherMethods =
        [HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Trace, HttpMethod.Options];

    // Route values that exist nowhere, are negative, overflow an int (not a number, as "abc" would be, but one that only
    // fails on its size), are not UTF-8, hide a slash, or are long. (A NUL in the path never reaches the app: Kestrel
    // answers 400 itself, and the test server refuses to send it.)
    private static readonly string[] BadRouteValues =
        ["987654", "-1", "99999999999999999999", "%FF%FE", "..%2F..%2Fetc", new string('z', 300)];

    private readonly List<string> failures = [];
    private readonly SortedDictionary<int, int> answers = [];
    private int sent;

    /// <summary>
    /// On SQLite the visitors whose rights differ: a State's focal point (the States' audience and every form a State has;
    /// a member or the States' code read as that audience with fewer forms), an organisation's account, the observers'
    /// code (a code session through every route), the coordinator and nobody. On PostgreSQL, where the question is the SQL
    /// rather than the rights, nobody and the coordinator, who reaches every route and query with every bad value (an
    /// organisation's audience filter runs on PostgreSQL in the access tests). Each pass costs 15–20 s of the 20-minute
    /// test run.
    /// </summary>
    public static TheoryData<Role> Visitors => TestEnvironment.IsPostgres
        ? [Role.Anonymous, Role.Coordinator]
        : [Role.Anonymous, Role.ObserversCode, Role.FocalPoint, Role.Observer, Role.Coordinator];

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task EveryRoute_WithEveryMethodHandlerAndBadInput_AnswersWithoutServerErrorOrLeak(Role role)
    {
        var world = await World.CreateAsync(Factory);
        var routes = await RoutesAsync();
        // From here on: creating the PostgreSQL database logs an expected error first (EF Core's check that it is missing).
        var logsBefore = Factory.Logs.Entries.Count;
        var visitor = new Visitor(Factory, world, role);
        using var browser = await visitor.EnterAsync();

        foreach (var route in routes)
        {
            var paths = Paths(route, world);
            foreach (var path in paths)
            {
                await ProbeAsync(visitor, browser, route, path, badRoute: path != paths[0]);
            }

            await visitor.KeepSessionAsync(browser);
        }

        var logged = Factory.Logs.Entries.Skip(logsBefore).Where(e => e.Level >= LogLevel.Error || e.Exception is not null).ToList();
        failures.AddRange(logged.Select(e => "logged: " + e));
        output.WriteLine($"REPORT: route fuzzer ({TestEnvironment.Provider}, {role}): {sent} requests to {routes.Count} routes, " +
                         $"{failures.Count} failures; answers {string.Join(", ", answers.Select(a => $"{a.Key}×{a.Value}"))}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        Assert.True(routes.Count > 30, $"only {routes.Count} routes found");
    }

    private async Task ProbeAsync(Visitor visitor, Browser browser, Route route, string path, bool badRoute)
    {
        await SendAsync(browser, HttpMethod.Get, path, null);
        if (route.Page is null)
        {
            foreach (var method in OtherMethods.Append(HttpMethod.Post))
            {
                await SendAsync(browser, method, path, null);
            }

            return;
        }

        var token = await visitor.TokenAsync(browser);
        var withToken = new KeyValuePair<string, string>("__RequestVerificationToken", token);
        if (!badRoute)
        {
            foreach (var kind in Enum.GetValues<FuzzForms.Kind>())
            {
                var query = FuzzForms.Values(FuzzForms.Fields(route.Page, null), kind);
                await SendAsync(browser, HttpMethod.Get, path + "?" + string.Join("&", query.Select(q => FuzzForms.Escape(q.Key) + "=" + FuzzForms.Escape(q.Value))), null);
            }

            foreach (var method in OtherMethods)
            {
                await SendAsync(browser, method, path, FuzzForms.UrlEncoded([withToken]));
            }

            await SendAsync(browser, HttpMethod.Post, path, FuzzForms.UrlEncoded([withToken]));
            await SendAsync(browser, HttpMethod.Post, path + "?handler=Nope", FuzzForms.UrlEncoded([withToken]));
        }

        foreach (var handler in route.Page.HandlerMethods.Where(h => h.HttpMethod.Equals("POST", StringComparison.OrdinalIgnoreCase)))
        {
            var url = handler.Name is null ? path : $"{path}?handler={handler.Name}";
            await SendAsync(browser, HttpMethod.Post, url, FuzzForms.UrlEncoded([withToken]));
            if (badRoute)
            {
                continue;
            }

            var fields = FuzzForms.Fields(route.Page, handler);
            foreach (var kind in Enum.GetValues<FuzzForms.Kind>())
            {
                var values = FuzzForms.Values(fields, kind).Prepend(withToken);
                await SendAsync(browser, HttpMethod.Post, url, fields.Any(f => f.IsFile) ? Multipart(values, fields) : FuzzForms.UrlEncoded(values));
            }

            var typed = FuzzForms.Values(fields, FuzzForms.Kind.WrongTypes);
            await SendAsync(browser, HttpMethod.Post, url, FuzzForms.UrlEncoded(typed));
            await SendAsync(browser, HttpMethod.Post, url, FuzzForms.UrlEncoded(typed.Prepend(new("__RequestVerificationToken", "CfDJ8" + new string('A', 150)))));
        }
    }

    private static MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> values, IEnumerable<FuzzForms.Field> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var file in fields.Where(f => f.IsFile))
        {
            content.Add(new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00, 0xFF, 0xFE]), file.Name, "../../evil.docx");
        }

        return content;
    }

    private async Task SendAsync(Browser browser, HttpMethod method, string url, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        using var response = await browser.SendAsync(request);
        sent++;
        var body = await response.Content.ReadAsStringAsync();
        var what = $"{method} {url[..Math.Min(url.Length, 120)]} ({content?.Headers.ContentLength ?? 0} bytes)";
        var status = (int)response.StatusCode;
        answers[status] = answers.GetValueOrDefault(status) + 1;
        if (status >= 500)
        {
            failures.Add($"{what} -> {status}");
        }

        if (body.Contains("Exception", StringComparison.Ordinal) || StackFrame().IsMatch(body))
        {
            failures.Add($"{what} -> {status} shows an exception or a stack trace");
        }

        var headers = response.Headers;
        if (!headers.TryGetValues("X-Content-Type-Options", out var nosniff) || !nosniff.Contains("nosniff")
            || !headers.Contains("X-Frame-Options") || !headers.Contains("Content-Security-Policy")
            || headers.CacheControl?.NoStore != true)
        {
            failures.Add($"{what} -> {status} lacks a security header");
        }

        if (status == (int)HttpStatusCode.MethodNotAllowed && response.Content.Headers.Allow.Count == 0)
        {
            failures.Add($"{what} -> 405 without Allow");
        }
    }

    [GeneratedRegex(@"\bat [\w.<>`+]+\.[\w<>`]+\(|\.cs:line \d+")]
    private static partial Regex StackFrame();

    /// <summary>A page or endpoint: its route, and for a page the compiled descriptor with its handlers.</summary>
    private sealed record Route(RoutePattern Pattern, CompiledPageActionDescriptor? Page);

    private async Task<List<Route>> RoutesAsync()
    {
        _ = Factory.Server;
        var loader = Factory.Services.GetRequiredService<PageLoader>();
        var routes = new Dictionary<string, Route>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var descriptor = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            // An Index page answers at two addresses; one is enough.
            var key = descriptor?.ViewEnginePath ?? endpoint.RoutePattern.RawText ?? "";
            if (!routes.ContainsKey(key))
            {
                routes[key] = new Route(endpoint.RoutePattern, descriptor is null ? null : await loader.LoadAsync(descriptor, endpoint.Metadata));
            }
        }

        return [.. routes.Values];
    }

    /// <summary>The route with real values first, then with each parameter in turn replaced by each bad value.</summary>
    private static List<string> Paths(Route route, World world)
    {
        string Build(Func<RoutePatternParameterPart, string> value) =>
            "/" + string.Join("/", route.Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart parameter => value(parameter),
                _ => throw new InvalidOperationException($"Unexpected route part in {route.Pattern.RawText}"),
            }))));

        var paths = new List<string> { Build(p => world.RealValue(route.Pattern.RawText ?? "", p.Name)) };
        foreach (var parameter in route.Pattern.Parameters)
        {
            paths.AddRange(BadRouteValues.Select(bad => Build(p => p == parameter ? bad : world.RealValue(route.Pattern.RawText ?? "", p.Name))));
        }

        return paths;
    }

    /// <summary>
    /// What the routes point at: a published posting with an attachment, an access request, a spare account, a contribution
    /// with a picture, and an accepted one of a State without an account whose copy-edit waits for an answer by e-mail.
    /// </summary>
    private sealed record World(
        TestAccount FocalPoint, TestAccount Member, TestAccount Observer, TestAccount Coordinator, string SpareAccountId,
        int Posting, int Attachment, int Request, string StatesCode, string ObserversCode, int ObserverParticipant, int Call, int Contribution, int Figure,
        int Build, int EnteredContribution, int EnteredDraft, int Connection)
    {
        public static async Task<World> CreateAsync(PortalFactory factory)
        {
            var focal = await TestAccounts.CreateAsync(factory, PortalRole.FocalPoint, "LAO");
            var member = await TestAccounts.CreateAsync(factory, PortalRole.Member, "LAO");
            var observer = await TestAccounts.CreateAsync(factory, PortalRole.Observer, "ngo-fuzz");
            var coordinator = await TestAccounts.CreateAsync(factory, PortalRole.Coordinator, "isu-fuzz", twoFactor: true);
            var spare = (await TestAccounts.CreateManyAsync(factory, 1, PortalRole.Member, "LAO"))[0];
            var spareId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == spare.Email).Select(u => u.Id).SingleAsync());
            using var owner = new Browser(factory);
            await owner.SignInAsync(factory, focal);
            var posting = await owner.PublishAsync(new PostingSteps.Draft { Title = "Fuzz target" });
            await owner.AttachAsync(posting, "plan.pdf", SampleFiles.Pdf());
            var attachment = await factory.WithDbAsync(db => db.PostingAttachments.Where(a => a.PostingId == posting).Select(a => a.Id).SingleAsync());
            var request = await factory.WithServicesAsync(async sp => (await sp.GetRequiredService<AccessRequests>()
                .SubmitAsync("Fuzz Visitor", "fuzz.visitor@ministry.test", focal.ParticipantId, "Attaché", null, "10.9.9.9"))!.Id);
            var states = await factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));
            var observers = await factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.Observers, "test"));
            var today = DateOnly.FromDateTime(factory.Time.GetUtcNow().UtcDateTime);
            var call = await CatalogueSteps.CreateCallAsync(factory, today.AddDays(-1), today.AddDays(30));
            var focalId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == focal.Email).Select(u => u.Id).SingleAsync());
            var coordinatorId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == coordinator.Email).Select(u => u.Id).SingleAsync());
            var contribution = await factory.WithDbAsync(async db =>
            {
                var draft = new Contribution { CallId = call.Id, ParticipantId = focal.ParticipantId, Title = "Fuzz contribution", CreatedBy = focalId };
                db.Contributions.Add(draft);
                await db.SaveChangesAsync();
                return draft.Id;
            });
            var build = await factory.WithDbAsync(async db =>
            {
                var done = new CatalogueBuild
                {
                    CallId = call.Id,
                    Status = BuildStatus.Succeeded,
                    RequestedBy = focalId,
                    RequestedAt = factory.Time.GetUtcNow(),
                    Files = [new BuildFile { Kind = BuildFileKind.Pdf, Length = 4, Sha256 = new string('0', 64), Content = new BuildFileContent { Data = "%PDF"u8.ToArray() } }],
                };
                db.CatalogueBuilds.Add(done);
                await db.SaveChangesAsync();
                return done.Id;
            });
            var figure = await factory.WithDbAsync(async db =>
            {
                var stored = CatalogueSteps.Figure("Fuzz picture", "Fuzz credit", "Fuzz description");
                stored.ContributionId = contribution;
                db.ContributionFigures.Add(stored);
                await db.SaveChangesAsync();
                return stored.Id;
            });
            var entered = await factory.WithDbAsync(async db =>
            {
                var now = factory.Time.GetUtcNow();
                var accepted = new Contribution
                {
                    CallId = call.Id,
                    ParticipantId = await db.Participants.Where(p => p.Code == "KHM").Select(p => p.Id).SingleAsync(),
                    Title = "Fuzz contribution received by e-mail",
                    Body = "Teams cleared 1,200 hectares.",
                    Status = ContributionStatus.Accepted,
                    CreatedBy = focalId,
                    EnteredOnBehalfBy = focalId,
                    ReceivedFromName = "Fuzz Sender",
                    ReceivedFromEmail = "fuzz.sender@mfa.example.test",
                };
                db.Contributions.Add(accepted);
                await db.SaveChangesAsync();
                db.ContributionVersions.Add(new ContributionVersion { ContributionId = accepted.Id, Number = 1, Title = accepted.Title, Body = accepted.Body, ApprovedBy = focalId, At = now });
                db.ContributionEdits.Add(new ContributionEdit
                {
                    ContributionId = accepted.Id,
                    BasedOnVersion = 1,
                    Title = accepted.Title,
                    Body = "Teams cleared 1,250 hectares.",
                    Note = "The area.",
                    EditorId = focalId,
                    ProposedAt = now,
                    Status = ContributionEditStatus.Proposed,
                });
                await db.SaveChangesAsync();
                return accepted.Id;
            });
            // A draft entered for a State without a focal point account, which an editor may submit on its behalf.
            var enteredDraft = await factory.WithDbAsync(async db =>
            {
                var draft = new Contribution
                {
                    CallId = call.Id,
                    ParticipantId = await db.Participants.Where(p => p.Code == "KHM").Select(p => p.Id).SingleAsync(),
                    Title = "Fuzz draft received by e-mail",
                    Body = "Teams cleared 1,200 hectares.",
                    CreatedBy = coordinatorId,
                    EnteredOnBehalfBy = coordinatorId,
                    ReceivedFromName = "Fuzz Sender",
                    ReceivedFromEmail = "fuzz.sender@mfa.example.test",
                };
                db.Contributions.Add(draft);
                await db.SaveChangesAsync();
                return draft.Id;
            });
            // Cambodia's interest in the posting: a connection the owner's accounts and the coordinator may open.
            var connection = await factory.WithDbAsync(async db =>
            {
                var interest = new Interest
                {
                    PostingId = posting,
                    PostingKind = PostingKind.Need,
                    PostingTitle = "Fuzz target",
                    PostingVisibility = Visibility.StatesOnly,
                    OwnerParticipantId = focal.ParticipantId,
                    ParticipantId = await db.Participants.Where(p => p.Code == "KHM").Select(p => p.Id).SingleAsync(),
                    AuthorName = "Fuzz Sender",
                    AuthorEmail = "fuzz.sender@mfa.example.test",
                    Message = "Could we talk?",
                    CreatedAt = factory.Time.GetUtcNow(),
                    StateChangedAt = factory.Time.GetUtcNow(),
                };
                db.Interests.Add(interest);
                await db.SaveChangesAsync();
                return interest.Id;
            });
            return new World(focal, member, observer, coordinator, spareId, posting, attachment, request, states, observers, observer.ParticipantId,
                call.Id, contribution, figure, build, entered, enteredDraft, connection);
        }

        public string RealValue(string route, string parameter) => (parameter, route) switch
        {
            ("attachmentId", _) => Invariant(Attachment),
            ("audience", _) => nameof(CodeAudience.States),
            ("figureId", _) => Invariant(Figure),
            ("code", _) => "LAO",
            ("id", _) when route.StartsWith("Postings/", StringComparison.Ordinal) => Invariant(Posting),
            ("id", _) when route.StartsWith("Admin/Requests/", StringComparison.Ordinal) => Invariant(Request),
            ("id", _) when route.StartsWith("Admin/Accounts/", StringComparison.Ordinal) => SpareAccountId,
            ("id", _) when route.StartsWith("People/", StringComparison.Ordinal) => SpareAccountId,
            ("id", _) when route.StartsWith("Catalogue/Calls/", StringComparison.Ordinal) => Invariant(Call),
            ("id", _) when route.EndsWith("/RecordAnswer", StringComparison.Ordinal) => Invariant(EnteredContribution),
            ("id", _) when route.EndsWith("/SubmitOnBehalf", StringComparison.Ordinal) => Invariant(EnteredDraft),
            ("id", _) when route.StartsWith("Catalogue/Contributions/", StringComparison.Ordinal) => Invariant(Contribution),
            ("id", _) when route.StartsWith("Catalogue/Builds/", StringComparison.Ordinal) => Invariant(Build),
            ("id", _) when route.StartsWith("Connections/", StringComparison.Ordinal) => Invariant(Connection),
            ("kind", _) when route.StartsWith("Postings/Template/", StringComparison.Ordinal) => "need",
            ("kind", _) => "pdf",
            ("format", _) => "csv",
            ("name", _) => "nav.xhtml",
            ("status", _) => "413",
            _ => throw new InvalidOperationException($"The fuzzer has no real value for {{{parameter}}} in {route}: add one to World.RealValue."),
        };

        private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>One visitor of a role: enters the portal, and enters again whenever a request they sent ended their session.</summary>
    private sealed class Visitor(PortalFactory factory, World world, Role role)
    {
        private string? token;
        private bool signedInBefore;

        public async Task<Browser> EnterAsync()
        {
            var browser = new Browser(factory);
            await SignInAsync(browser);
            return browser;
        }

        public async Task<string> TokenAsync(Browser browser)
        {
            if (token is null)
            {
                await browser.OpenAsync(role == Role.Anonymous ? "/Entry" : "/");
                token = browser.Token();
            }

            return token;
        }

        public async Task KeepSessionAsync(Browser browser)
        {
            if (role == Role.Anonymous)
            {
                return;
            }

            var home = await browser.GetAsync("/");
            if (home.StatusCode != HttpStatusCode.OK)
            {
                token = null;
                await SignInAsync(browser);
            }
        }

        private async Task SignInAsync(Browser browser)
        {
            switch (role)
            {
                case Role.Anonymous:
                    return;
                case Role.StatesCode or Role.ObserversCode:
                    await browser.OpenAsync("/Entry");
                    await browser.SubmitAsync("form[method=post]", new Dictionary<string, string>
                    {
                        ["Input.Name"] = "Visiting delegate",
                        ["Input.Email"] = "delegate@ministry.test",
                        ["Input.ParticipantId"] = (role == Role.StatesCode ? world.FocalPoint.ParticipantId : world.ObserverParticipant).ToString(CultureInfo.InvariantCulture),
                        ["Input.Code"] = role == Role.StatesCode ? world.StatesCode : world.ObserversCode,
                    });
                    Assert.Contains("read-only", browser.Find("[data-testid=who]") ?? "", StringComparison.Ordinal);
                    return;
                default:
                    if (signedInBefore)
                    {
                        // An authenticator code is taken once: the next sign-in needs the next one.
                        factory.Time.Advance(TimeSpan.FromSeconds(30));
                    }

                    signedInBefore = true;
                    await browser.SignInAsync(factory, role switch
                    {
                        Role.Member => world.Member,
                        Role.FocalPoint => world.FocalPoint,
                        Role.Observer => world.Observer,
                        _ => world.Coordinator,
                    });
                    return;
            }
        }
    }
}
