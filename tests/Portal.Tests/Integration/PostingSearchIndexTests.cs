using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Postings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// A search by relevance on SQLite finds its hits, with the reader's visibility and the page's filters, in the full-text
/// index alone (decision 008); the other orders, and PostgreSQL, filter through the postings table. These tests hold
/// both to what the postings say: for every filter and reader, and through every kind of write.
/// </summary>
public sealed class PostingSearchIndexTests : PortalTest
{
    private static readonly string[] Owners = ["LAO", "DEU", "ngo-watch"];

    [Fact]
    public async Task EveryOrder_FindsExactlyThePostingsTheReaderMaySee_ThatMatchTheWordsAndFilters()
    {
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHE");
        var observer = await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-watch");
        var now = Factory.Time.GetUtcNow();
        var postings = await Factory.WithDbAsync(async db =>
        {
            var owners = await db.Participants.Where(p => Owners.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Id);
            var kinds = Enum.GetValues<PostingKind>();
            // Chosen directly: a country or sub-region filter also finds what applies to it through them.
            static Regions Chosen(int i) => (i % 5) switch { 1 => Regions.SouthEasternAsia, 2 => Regions.Global, 3 => Regions.WesternEurope, _ => Regions.None };
            var all = Enumerable.Range(0, 40).Select(i => new Posting
            {
                ParticipantId = owners[Owners[i % 3]],
                Kind = kinds[i / 3 % kinds.Length],
                // A draft, a withdrawn and a replaced posting, one the job marked expired and one past its date that
                // the job has not marked yet: none of them may be found.
                Status = i switch
                {
                    9 => PostingStatus.Draft,
                    18 => PostingStatus.Withdrawn,
                    36 => PostingStatus.Replaced,
                    _ => PostingStatus.Published,
                },
                ExpiredAt = i == 27 ? now.AddMinutes(-1) : null,
                Title = $"Posting {i:00}",
                Summary = "Support.",
                Body = i % 2 == 0 ? "Mine clearance and a non-technical survey." : "Mine risk education in schools.",
                ContactPoint = "Someone",
                Areas = (CcmAreas)(1 << (i % 4)) | (i % 5 == 0 ? CcmAreas.Transparency : CcmAreas.None),
                AssistanceTypes = (AssistanceTypes)(1 << (i % 3)),
                // As the app stamps them: what was chosen and what that holds, and a continent (never Global) of a country named.
                Regions = (Regions)(1 << (i % 6 % 5)) | M49Regions.Concerned(Chosen(i), []),
                ChosenRegions = Chosen(i),
                // Offers and experiences only, as the form has it; every role, and some with none.
                Role = kinds[i / 3 % kinds.Length] == PostingKind.Need ? null
                    : (i % 5) switch { 0 => null, 1 => CooperationRole.Donor, 2 => CooperationRole.Both, 3 => CooperationRole.Recipient, _ => CooperationRole.Implementer },
                Modalities = kinds[i / 3 % kinds.Length] == PostingKind.Need ? CooperationModalities.None : (CooperationModalities)(1 << (i % 6)),
                Countries = [.. (i % 7 == 0 ? new[] { i % 2 == 0 ? "LAO" : "DEU", "VNM" } : [i % 2 == 0 ? "LAO" : "DEU"])
                    .Select(code => new PostingCountry { CountryCode = code })],
                Visibility = i % 4 == 3 ? Visibility.StatesOnly : Visibility.StatesAndObservers,
                CreatedAt = now,
                PublishedAt = now.AddMinutes(-i),
                ValidUntil = i is 7 or 27 ? now.AddMinutes(-1) : now.AddDays(100),
                CurrentVersion = 1,
            }).ToList();
            db.Postings.AddRange(all);
            await db.SaveChangesAsync();
            return all;
        });

        var filters = new (string Query, Func<Posting, bool> Keeps)[]
        {
            ("", _ => true),
            ("kind=Offer", p => p.Kind == PostingKind.Offer),
            ("area=VictimAssistance", p => p.Areas.HasFlag(CcmAreas.VictimAssistance)),
            ("area=StockpileDestruction%2CTransparency", p => (p.Areas & (CcmAreas.StockpileDestruction | CcmAreas.Transparency)) != 0),
            ("type=Technical", p => p.AssistanceTypes.HasFlag(AssistanceTypes.Technical)),
            ("region=Asia", p => p.Regions.HasFlag(Regions.Asia) || p.ChosenRegions.HasFlag(Regions.Global)),
            ("region=SouthEasternAsia", p => p.Regions.HasFlag(Regions.SouthEasternAsia) || (p.ChosenRegions & (Regions.Asia | Regions.Global)) != 0),
            ("country=LAO", p => AppliesTo(p, "LAO", Regions.SouthEasternAsia)),
            ("country=VNM", p => AppliesTo(p, "VNM", Regions.SouthEasternAsia)),
            ("country=vnm", p => AppliesTo(p, "VNM", Regions.SouthEasternAsia)),
            ("country=DEU", p => AppliesTo(p, "DEU", Regions.WesternEurope)),
            ("country=XX1", _ => false),
            ("participant=DEU", p => p.ParticipantId == postings[1].ParticipantId),
            ("participant=ngo-watch", p => p.ParticipantId == observer.ParticipantId),
            ("participant=nobody", _ => false),
            // "Donor" also finds those that were both.
            ("role=Donor", p => p.Role is CooperationRole.Donor or CooperationRole.Both),
            ("role=Implementer&modality=Bilateral%2CSouthSouth", p => p.Role == CooperationRole.Implementer
                && (p.Modalities & (CooperationModalities.Bilateral | CooperationModalities.SouthSouth)) != 0),
            ("kind=Need&region=Africa&type=Financial&country=LAO", p => p.Kind == PostingKind.Need
                && (p.Regions.HasFlag(Regions.Africa) || p.ChosenRegions.HasFlag(Regions.Global))
                && p.AssistanceTypes.HasFlag(AssistanceTypes.Financial) && AppliesTo(p, "LAO", Regions.SouthEasternAsia)),
        };
        var words = new (string Query, Func<Posting, bool> Matches)[]
        {
            ("mine", _ => true),
            ("clearance+survey", p => p.Body.Contains("survey", StringComparison.Ordinal)),
            ("%22risk+education%22", p => p.Body.Contains("risk education", StringComparison.Ordinal)),
            ("%22education+risk%22", _ => false),
        };

        // On PostgreSQL every order takes the same path; on SQLite relevance takes the index's. Then, once the job has
        // marked the lapsed posting expired, relevance again: a search that finds no lapsed posting skips that check.
        string[] sorts = TestEnvironment.IsPostgres ? ["Relevance"] : ["Relevance", "Newest", "ExpiringSoon"];
        await AssertEveryCaseAsync(sorts);
        if (!TestEnvironment.IsPostgres)
        {
            await Factory.RunLifecycleAsync();
            await AssertEveryCaseAsync(["Relevance"]);
        }

        async Task AssertEveryCaseAsync(string[] sorts)
        {
            foreach (var (account, isState) in new[] { (member, true), (observer, false) })
            {
                using var reader = new Browser(Factory);
                await reader.SignInAsync(Factory, account);
                bool MaySee(Posting p) => p.Status == PostingStatus.Published && p.ValidUntil > now
                    && (isState || p.Visibility == Visibility.StatesAndObservers || p.ParticipantId == account.ParticipantId);
                foreach (var (typed, matches) in words)
                {
                    foreach (var (filter, keeps) in filters)
                    {
                        var expected = postings.Where(p => MaySee(p) && matches(p) && keeps(p)).Select(p => p.Title).Order().ToArray();
                        foreach (var sort in sorts)
                        {
                            var url = $"/Postings?q={typed}&{filter}&sort={sort}";
                            var (count, titles) = await ResultsAsync(reader, url);
                            Assert.True(expected.SequenceEqual(titles.Order()), $"{account.Email} {url}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", titles)}]");
                            Assert.Equal(CountText(expected.Length), count);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public async Task WordsThatLookLikeTheIndexsOwnTokens_FindOnlyText()
    {
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, focal);
        await owner.PublishAsync(new PostingSteps.Draft { Title = "Printing of A3 maps", Regions = [nameof(Regions.Asia)] });
        await owner.PublishAsync(new PostingSteps.Draft
        {
            Kind = PostingKind.Offer,
            Title = "Stockpile survey",
            Role = nameof(CooperationRole.Donor),
            Modalities = [nameof(CooperationModalities.SouthSouth)],
        });

        // Every posting in Asia, of kind Need, open to observers, owned by participant n carries tokens like r2, kneed0,
        // v1 and on (an offer by a donor, South-South, l0 and m4); nobody can find postings by typing them, only by words
        // in their text. Nor by the beginnings of them ("cla" begins "clao0", "kne" begins "kneed0").
        foreach (var typed in new[] { "r2", "kneed0", "v1", "a2", "t2", "l0", "m4", "clao0", $"%22v1+o{focal.ParticipantId}%22", $"o{focal.ParticipantId}",
            "cla", "clao", "kne", "kneed", "%C7%A8need" })
        {
            await owner.OpenAsync($"/Postings?q={typed}");
            Assert.Equal("No postings match", owner.Find("[data-testid=result-count]"));
        }

        await owner.OpenAsync("/Postings?q=a3");
        Assert.Equal(["Printing of A3 maps"], owner.ResultTitles());
        await owner.OpenAsync("/Postings?q=a3+maps&region=Asia");
        Assert.Equal(["Printing of A3 maps"], owner.ResultTitles());
    }

    [Fact]
    public async Task TheIndex_FollowsEveryWrite_AndStaysExact()
    {
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHE");
        var observer = await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-watch");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, focal);
        using var state = new Browser(Factory);
        await state.SignInAsync(Factory, member);
        using var ngo = new Browser(Factory);
        await ngo.SignInAsync(Factory, observer);

        // Sessions end after 12 hours; the clock jumps by months here.
        async Task SignInAgainAsync()
        {
            await owner.SignInAsync(Factory, focal);
            await state.SignInAsync(Factory, member);
            await ngo.SignInAsync(Factory, observer);
        }

        async Task FindsAsync(Browser reader, string query, params string[] titles)
        {
            var (_, found) = await ResultsAsync(reader, "/Postings?q=" + query);
            Assert.Equal(titles, found);
            await AssertIndexIsExactAsync();
        }

        // Draft: not in the index. Published: found, with its facets.
        var id = await owner.SaveDraftAsync(new PostingSteps.Draft { Title = "Quartermaster depot inventory", Countries = ["LAO", "KHM"] });
        await FindsAsync(state, "quartermaster");
        await owner.SubmitAsync("form[action*='handler=Publish']");
        await FindsAsync(state, "quartermaster&country=KHM&area=VictimAssistance&region=Asia", "Quartermaster depot inventory");
        await FindsAsync(ngo, "quartermaster", "Quartermaster depot inventory");

        // Edited: the new words, areas and countries, and none of the old.
        await owner.OpenAsync($"/Postings/{id}/Edit");
        await owner.SubmitAsync("form.stack", new FormFill
        {
            Values = new Dictionary<string, string> { ["Input.Title"] = "Armoury depot inventory", ["Input.Visibility"] = nameof(Visibility.StatesOnly) },
            Lists = new Dictionary<string, string[]> { ["Input.Areas"] = [nameof(CcmAreas.StockpileDestruction)], ["Input.Countries"] = ["VNM"] },
        });
        Assert.Contains("new version is published", owner.Find("[role=status]"), StringComparison.Ordinal);
        await FindsAsync(state, "quartermaster");
        await FindsAsync(state, "armoury&country=KHM");
        await FindsAsync(state, "armoury&area=VictimAssistance");
        await FindsAsync(state, "armoury&country=VNM&area=StockpileDestruction", "Armoury depot inventory");
        await FindsAsync(ngo, "armoury");

        // A country changed or removed by hand, in the database: the index follows.
        await Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"PostingCountry\" SET \"CountryCode\" = 'THA' WHERE \"PostingId\" = {0}", id));
        await FindsAsync(state, "armoury&country=VNM");
        await FindsAsync(state, "armoury&country=THA", "Armoury depot inventory");
        await Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"PostingCountry\" WHERE \"PostingId\" = {0}", id));
        await FindsAsync(state, "armoury&country=THA");
        await FindsAsync(state, "armoury", "Armoury depot inventory");

        // Past its date: hidden at once, though still in the index until the job marks it expired; then out of the
        // index. Given a new date in the form, or renewed: back.
        foreach (var bringBack in new[] { "edit", "renew" })
        {
            var validUntil = await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == id).Select(p => p.ValidUntil).SingleAsync());
            Factory.Time.Advance(validUntil.AddDays(1) - Factory.Time.GetUtcNow());
            await SignInAgainAsync();
            await FindsAsync(state, "armoury");
            await Factory.RunLifecycleAsync();
            Assert.NotNull(await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == id).Select(p => p.ExpiredAt).SingleAsync()));
            await FindsAsync(state, "armoury");
            if (bringBack == "edit")
            {
                await owner.OpenAsync($"/Postings/{id}/Edit");
                var date = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime.AddDays(60));
                await owner.SubmitAsync("form.stack", new FormFill
                {
                    Values = new Dictionary<string, string> { ["Input.ValidUntil"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                    Lists = new Dictionary<string, string[]> { ["Input.Countries"] = ["VNM"] },
                });
                Assert.True(owner.Find("[role=status]")?.Contains("new version is published", StringComparison.Ordinal) == true, owner.Text);
            }
            else
            {
                await owner.OpenAsync($"/Postings/{id}/Renew");
                await owner.SubmitAsync("form.actions button");
            }

            await FindsAsync(state, "armoury", "Armoury depot inventory");
        }

        // Withdrawn, then deleted after the grace period.
        await owner.OpenAsync($"/Postings/{id}/Withdraw");
        await owner.SubmitAsync("form.actions button");
        await FindsAsync(state, "armoury");
        Factory.Time.Advance(TimeSpan.FromDays(91));
        await SignInAgainAsync();
        await Factory.RunLifecycleAsync();
        Assert.False(await Factory.WithDbAsync(db => db.Postings.AnyAsync(p => p.Id == id)));
        await AssertIndexIsExactAsync();

        // A posting written as published in one go, countries after it (as an import or a script would).
        var now = Factory.Time.GetUtcNow();
        var written = await Factory.WithDbAsync(async db =>
        {
            var posting = new Posting
            {
                ParticipantId = focal.ParticipantId,
                Kind = PostingKind.Offer,
                Status = PostingStatus.Published,
                Title = "Bunker depot inventory",
                Summary = "Support.",
                Body = "Inventory.",
                ContactPoint = "Someone",
                Areas = CcmAreas.StockpileDestruction,
                Regions = Regions.Asia,
                Role = CooperationRole.Donor,
                Modalities = CooperationModalities.Regional,
                Visibility = Visibility.StatesAndObservers,
                Countries = [new PostingCountry { CountryCode = "LAO" }, new PostingCountry { CountryCode = "KHM" }],
                CreatedAt = now,
                PublishedAt = now,
                ValidUntil = now.AddDays(30),
                CurrentVersion = 1,
            };
            db.Postings.Add(posting);
            await db.SaveChangesAsync();
            return posting.Id;
        });
        await FindsAsync(state, "bunker&country=KHM&kind=Offer", "Bunker depot inventory");
        await FindsAsync(ngo, "bunker&country=LAO", "Bunker depot inventory");
        await FindsAsync(state, "bunker&role=Donor&modality=Regional", "Bunker depot inventory");

        // Its role and modalities changed by hand: the index follows.
        await Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Postings\" SET \"Role\" = 'Implementer', \"Modalities\" = {0} WHERE \"Id\" = {1}", (int)CooperationModalities.Triangular, written));
        await FindsAsync(state, "bunker&role=Donor");
        await FindsAsync(state, "bunker&modality=Regional");
        await FindsAsync(state, "bunker&role=Implementer&modality=Triangular", "Bunker depot inventory");

        // A published posting deleted outright, its countries with it (by cascade).
        var other = await owner.PublishAsync(new PostingSteps.Draft { Title = "Magazine depot inventory", Countries = ["LAO", "VNM"] });
        await FindsAsync(state, "magazine&country=VNM", "Magazine depot inventory");
        await Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"Postings\" WHERE \"Id\" IN ({0}, {1})", other, written));
        await FindsAsync(state, "magazine");
        await FindsAsync(state, "bunker");
    }

    /// <summary>
    /// SQLite: FTS5 compares every entry of the index with what the view "PostingSearchContent" shows now. An entry
    /// removed with other words or tokens than it was added with would fail here. PostgreSQL keeps its search vector in
    /// the postings row itself.
    /// </summary>
    private Task AssertIndexIsExactAsync() => TestEnvironment.IsPostgres
        ? Task.CompletedTask
        : Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"PostingSearch\"(\"PostingSearch\", rank) VALUES ('integrity-check', 1)"));

    /// <summary>What a country filter finds: postings naming the country, or that chose its sub-region, region or Global.</summary>
    private static bool AppliesTo(Posting p, string country, Regions subregion) =>
        p.Countries.Any(c => c.CountryCode == country)
        || (p.ChosenRegions & (subregion | M49Regions.RegionOf(subregion) | Regions.Global)) != 0;

    private static string CountText(int count) => count switch
    {
        0 => "No postings match",
        1 => "1 posting matches",
        _ => count <= 20 ? $"{count} postings match" : $"{count} postings match · page 1 of {(count + 19) / 20}",
    };

    /// <summary>The count line of the first page, and the titles of every page.</summary>
    private static async Task<(string? Count, string[] Titles)> ResultsAsync(Browser reader, string url)
    {
        await reader.OpenAsync(url);
        var count = reader.Find("[data-testid=result-count]");
        var titles = new List<string>(reader.ResultTitles());
        while (reader.Page!.QuerySelector("a[rel=next]")?.GetAttribute("href") is { } next)
        {
            await reader.OpenAsync(next);
            titles.AddRange(reader.ResultTitles());
        }

        return (count, [.. titles]);
    }

}
