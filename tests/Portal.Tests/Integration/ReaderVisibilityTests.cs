using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.EntryCodes;
using Portal.Features.Postings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// Who may see which posting is said once (<see cref="Reader.MaySee(DateTimeOffset)"/>); these tests hold every form
/// of it to the same answer: the query, the in-memory test, SQLite's full-text index, and every page a reader reaches.
/// </summary>
public sealed class ReaderVisibilityTests : PortalTest
{
    private const string Word = "gridword";

    [Fact]
    public async Task MaySee_InQueriesInMemoryAndInTheSearchIndex_AgreesForEveryReaderAndPosting()
    {
        Factory.Time.SetUtcNow(new DateTimeOffset(2031, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var now = Factory.Time.GetUtcNow();
        var ids = await Factory.WithDbAsync(async db =>
        {
            var lao = await db.Participants.SingleAsync(p => p.Code == "LAO");
            var che = await db.Participants.SingleAsync(p => p.Code == "CHE");
            var org = new Participant { Code = "ngo-grid", Name = "Grid organisation", Kind = ParticipantKind.Ngo, MayPublish = true };
            var other = new Participant { Code = "ngo-other", Name = "Other organisation", Kind = ParticipantKind.Ngo };
            db.Participants.AddRange(org, other);
            var n = 0;
            foreach (var owner in new[] { lao, org })
            {
                foreach (var visibility in Enum.GetValues<Visibility>())
                {
                    foreach (var status in Enum.GetValues<PostingStatus>())
                    {
                        foreach (var days in new[] { -1, 0, 1 })
                        {
                            // A published posting past its date is in the index until the lifecycle job marks it.
                            foreach (var marked in status == PostingStatus.Published && days <= 0 ? new[] { false, true } : [false])
                            {
                                db.Postings.Add(NewPosting(owner, $"Grid {++n}", visibility, status, now.AddDays(days), marked ? now : null, now));
                            }
                        }
                    }
                }
            }

            await db.SaveChangesAsync();
            return new { Lao = lao.Id, Che = che.Id, Org = org.Id, Other = other.Id };
        });

        var readers = new (string Name, Reader Reader, string[] Sees)[]
        {
            ("a State's focal point", new(ids.Lao, true, false, PortalRole.FocalPoint, true, "u1"), ["LAO StatesOnly", "LAO StatesAndObservers", "ngo-grid StatesOnly", "ngo-grid StatesAndObservers"]),
            ("a State's member", new(ids.Che, true, false, PortalRole.Member, true, "u2"), ["LAO StatesOnly", "LAO StatesAndObservers", "ngo-grid StatesOnly", "ngo-grid StatesAndObservers"]),
            ("the coordinator", new(ids.Other, false, false, PortalRole.Coordinator, true, "u3"), ["LAO StatesOnly", "LAO StatesAndObservers", "ngo-grid StatesOnly", "ngo-grid StatesAndObservers"]),
            ("the owning organisation's focal point", new(ids.Org, false, true, PortalRole.FocalPoint, true, "u4"), ["LAO StatesAndObservers", "ngo-grid StatesOnly", "ngo-grid StatesAndObservers"]),
            ("the owning organisation's observer", new(ids.Org, false, true, PortalRole.Observer, true, "u5"), ["LAO StatesAndObservers", "ngo-grid StatesOnly", "ngo-grid StatesAndObservers"]),
            ("another organisation's observer", new(ids.Other, false, false, PortalRole.Observer, true, "u6"), ["LAO StatesAndObservers", "ngo-grid StatesAndObservers"]),
            ("a States' entry-code session", new(ids.Lao, true, false, PortalRole.Member, false, null), ["LAO StatesOnly", "LAO StatesAndObservers", "ngo-grid StatesOnly", "ngo-grid StatesAndObservers"]),
            // It declared the owning organisation: a declaration grants nothing.
            ("an observers' entry-code session", new(ids.Org, false, true, PortalRole.Observer, false, null), ["LAO StatesAndObservers", "ngo-grid StatesAndObservers"]),
        };

        await Factory.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var search = sp.GetRequiredService<PostingSearch>();
            var all = await db.Postings.AsNoTracking().Include(p => p.Participant).ToListAsync();
            var lapsed = all.Where(p => p.Status == PostingStatus.Published && p.ExpiredAt == null && p.ValidUntil <= now).Select(p => p.Id).ToHashSet();
            foreach (var (name, reader, sees) in readers)
            {
                var inMemory = all.Where(p => reader.MaySee(p, now)).ToList();
                // Only current published postings, one for each owner and visibility the reader's audience is open to.
                Assert.Equal(sees.Order(), inMemory.Select(p => $"{p.Participant!.Code} {p.Visibility}").Order());
                Assert.All(inMemory, p => Assert.True(p.Status == PostingStatus.Published && p.ValidUntil > now, name));
                var expected = inMemory.Select(p => p.Id).Order().ToList();

                Assert.Equal(expected, (await db.Postings.Where(reader.MaySee(now)).Select(p => p.Id).ToListAsync()).Order());
                Assert.Equal(expected, await SearchedIdsAsync(search, reader));
                if (!TestEnvironment.IsPostgres)
                {
                    var fragment = reader.MaySeeInSearchIndex();
                    var indexed = await (fragment is null
                        ? db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "PostingSearch" """)
                        : db.Database.SqlQuery<int>($"""SELECT rowid AS "Value" FROM "PostingSearch" WHERE "PostingSearch" MATCH {fragment}""")).ToListAsync();
                    Assert.Equal(expected, indexed.Where(id => !lapsed.Contains(id)).Order());
                }

                // What an old link to a replaced posting may tell: the audience half alone, whatever the state.
                Assert.Equal(
                    all.Where(p => sees.Contains($"{p.Participant!.Code} {p.Visibility}")).Select(p => p.Id).Order(),
                    all.Where(reader.IsOpenTo).Select(p => p.Id).Order());
            }

            return 0;
        });
    }

    [Fact]
    public async Task EveryPath_ShowsEachKindOfReader_TheSamePostings()
    {
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHE");
        var observer = await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-watch");
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu", twoFactor: true);
        var now = Factory.Time.GetUtcNow();
        var postings = await Factory.WithDbAsync(async db =>
        {
            var lao = await db.Participants.SingleAsync(p => p.Code == "LAO");
            var ngo = await db.Participants.SingleAsync(p => p.Code == "ngo-watch");
            var list = new (string Title, Posting Posting)[]
            {
                ("Lao for States", NewPosting(lao, "Lao for States", Visibility.StatesOnly, PostingStatus.Published, now.AddDays(30), null, now, PostingKind.Need)),
                ("Lao for all", NewPosting(lao, "Lao for all", Visibility.StatesAndObservers, PostingStatus.Published, now.AddDays(30), null, now, PostingKind.Offer)),
                ("NGO for States", NewPosting(ngo, "NGO for States", Visibility.StatesOnly, PostingStatus.Published, now.AddDays(30), null, now, PostingKind.Experience)),
                ("NGO for all", NewPosting(ngo, "NGO for all", Visibility.StatesAndObservers, PostingStatus.Published, now.AddDays(30), null, now, PostingKind.Need)),
                ("Lao lapsed", NewPosting(lao, "Lao lapsed", Visibility.StatesAndObservers, PostingStatus.Published, now.AddDays(-1), null, now, PostingKind.Need)),
                ("Lao expired", NewPosting(lao, "Lao expired", Visibility.StatesAndObservers, PostingStatus.Published, now.AddDays(-2), now.AddDays(-1), now, PostingKind.Need)),
                ("Lao draft", NewPosting(lao, "Lao draft", Visibility.StatesAndObservers, PostingStatus.Draft, now.AddDays(30), null, now, PostingKind.Need)),
                ("Lao withdrawn", NewPosting(lao, "Lao withdrawn", Visibility.StatesAndObservers, PostingStatus.Withdrawn, now.AddDays(30), null, now, PostingKind.Need)),
            };
            foreach (var (title, posting) in list)
            {
                posting.Attachments.Add(new PostingAttachment
                {
                    FileName = "plan.pdf",
                    ContentType = "application/pdf",
                    Length = SampleFiles.Pdf().Length,
                    Sha256 = "0",
                    UploadedBy = "test",
                    Content = new AttachmentContent { Data = SampleFiles.Pdf() },
                });
                db.Postings.Add(posting);
            }

            await db.SaveChangesAsync();
            return list.ToDictionary(p => p.Title, p => (p.Posting.Id, Attachment: p.Posting.Attachments[0].Id, Owner: p.Posting.ParticipantId == lao.Id ? "LAO" : "ngo-watch", p.Posting.Kind));
        });
        string[] forStates = ["Lao for States", "Lao for all", "NGO for States", "NGO for all"];

        using var state = new Browser(Factory);
        await state.SignInAsync(Factory, member);
        await AssertEveryPathAsync("a State's member", state, postings, forStates, forStates);

        // The organisation's own postings are open to its accounts, whoever they were opened to.
        using var ngo = new Browser(Factory);
        await ngo.SignInAsync(Factory, observer);
        await AssertEveryPathAsync("an observer's account", ngo, postings, ["Lao for all", "NGO for States", "NGO for all"], ["Lao for all", "NGO for States", "NGO for all"]);

        using var statesCode = new Browser(Factory);
        await EnterWithCodeAsync(statesCode, CodeAudience.States, "LAO");
        await AssertEveryPathAsync("a States' entry-code session", statesCode, postings, forStates, forStates);

        // The session declared the organisation; a declaration grants nothing.
        using var observersCode = new Browser(Factory);
        await EnterWithCodeAsync(observersCode, CodeAudience.Observers, "ngo-watch");
        await AssertEveryPathAsync("an observers' entry-code session", observersCode, postings, ["Lao for all", "NGO for all"], ["Lao for all", "NGO for all"]);

        // The coordinator sees what States see, and manages everything: every posting's page and files open.
        using var isu = new Browser(Factory);
        await isu.SignInAsync(Factory, coordinator);
        await AssertEveryPathAsync("the coordinator", isu, postings, forStates, [.. postings.Keys]);
    }

    private static async Task AssertEveryPathAsync(
        string reader, Browser browser, Dictionary<string, (int Id, int Attachment, string Owner, PostingKind Kind)> postings,
        string[] visible, string[] openable)
    {
        var expected = visible.Order().ToList();
        foreach (var list in new[] { "/Postings", $"/Postings?q={Word}", $"/Postings?q={Word}&sort=Newest", $"/Postings?q={Word}&sort=ExpiringSoon" })
        {
            await browser.OpenAsync(list);
            Assert.True(expected.SequenceEqual(browser.ResultTitles().Order()), $"{reader}, {list}: {string.Join(", ", browser.ResultTitles())}");
        }

        foreach (var owner in new[] { "LAO", "ngo-watch" })
        {
            var own = visible.Where(t => postings[t].Owner == owner).Order().ToList();
            foreach (var filtered in new[] { $"/Postings?q={Word}&participant={owner}", $"/Postings?participant={owner}" })
            {
                await browser.OpenAsync(filtered);
                Assert.True(own.SequenceEqual(browser.ResultTitles().Order()), $"{reader}, {filtered}");
            }

            await browser.OpenAsync($"/Participants/{owner}");
            var titles = browser.Page!.QuerySelectorAll("ol.results h3").Select(h => h.TextContent.Trim()).Order();
            Assert.True(own.SequenceEqual(titles), $"{reader}, /Participants/{owner}");
        }

        // The counts per participant and kind: the facets of the list's "Published by" filter.
        await browser.OpenAsync("/Participants");
        var rows = browser.Page!.QuerySelectorAll("tbody tr")
            .Select(tr => string.Join("|", tr.QuerySelectorAll("td").Take(4).Select(td => td.TextContent.Trim()))).Order();
        var counts = visible.GroupBy(t => postings[t].Owner).Select(g => string.Join("|",
            g.Key == "LAO" ? "Lao People's Democratic Republic" : "Organisation ngo-watch",
            g.Count(t => postings[t].Kind == PostingKind.Need), g.Count(t => postings[t].Kind == PostingKind.Offer),
            g.Count(t => postings[t].Kind == PostingKind.Experience))).Order();
        Assert.Equal(counts, rows);

        foreach (var (title, posting) in postings)
        {
            var open = openable.Contains(title) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Assert.True(open == (await browser.GetAsync($"/Postings/{posting.Id}")).StatusCode, $"{reader}, page of {title}");
            Assert.True(open == (await browser.GetAsync($"/Postings/{posting.Id}/Attachments/{posting.Attachment}")).StatusCode, $"{reader}, file of {title}");
        }
    }

    private async Task EnterWithCodeAsync(Browser browser, CodeAudience audience, string declared)
    {
        var code = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(audience, "test"));
        var participant = await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == declared).Select(p => p.Id).SingleAsync());
        await browser.OpenAsync("/Entry");
        await browser.SubmitAsync("form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Visitor",
            ["Input.Email"] = "visitor@example.test",
            ["Input.ParticipantId"] = participant.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Code"] = code,
        });
        Assert.Contains("read-only", browser.Find("[data-testid=who]") ?? "", StringComparison.Ordinal);
    }

    /// <summary>The search page's path for words, every page of it: by relevance, which on SQLite asks the index alone.</summary>
    private static async Task<List<int>> SearchedIdsAsync(PostingSearch search, Reader reader)
    {
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            var result = await search.RunAsync(
                new SearchQuery(Word, null, CcmAreas.None, AssistanceTypes.None, Regions.None, null, null, null, SortOrder.Relevance, page), reader);
            ids.AddRange(result.Items.Select(i => i.Id));
            if (page >= result.Pages)
            {
                return [.. ids.Order()];
            }
        }
    }

    private static Posting NewPosting(
        Participant owner, string title, Visibility visibility, PostingStatus status, DateTimeOffset validUntil,
        DateTimeOffset? expiredAt, DateTimeOffset now, PostingKind kind = PostingKind.Need) => new()
        {
            Participant = owner,
            Kind = kind,
            Status = status,
            Title = title,
            Summary = $"A posting for the {Word} of readers and postings.",
            Body = $"Every posting of the grid carries the word {Word}.",
            ContactPoint = "Someone, someone@example.test",
            Areas = CcmAreas.VictimAssistance,
            Visibility = visibility,
            CreatedAt = now.AddDays(-10),
            PublishedAt = status == PostingStatus.Draft ? null : now.AddDays(-10),
            ClosedAt = status is PostingStatus.Withdrawn or PostingStatus.Replaced ? now.AddDays(-1) : null,
            ValidUntil = validUntil,
            ExpiredAt = expiredAt,
            CurrentVersion = status == PostingStatus.Draft ? 0 : 1,
        };
}
