using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Who may see and change which posting: "missing or not yours" always answers 404 and changes nothing.</summary>
public sealed class PostingAccessTests : PortalTest
{
    [Fact]
    public async Task FocalPointOfAnotherState_GetsNotFound_ForEveryOwnerPageAndHandler_AndNothingChanges()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var lbn = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LBN");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        var id = await owner.PublishAsync(new PostingSteps.Draft { Visibility = Visibility.StatesOnly });
        await owner.AttachAsync(id, "plan.pdf", SampleFiles.Pdf());
        var draft = await owner.SaveDraftAsync(new PostingSteps.Draft { Title = "Unpublished draft" });
        await owner.AttachAsync(draft, "draft.pdf", SampleFiles.Pdf());
        var before = await SnapshotAsync();
        var (attachmentId, draftAttachmentId) = await Factory.WithDbAsync(async db =>
            (await db.PostingAttachments.Where(a => a.PostingId == id).Select(a => a.Id).SingleAsync(),
             await db.PostingAttachments.Where(a => a.PostingId == draft).Select(a => a.Id).SingleAsync()));

        using var other = new Browser(Factory);
        await other.SignInAsync(Factory, lbn);
        await other.OpenAsync("/Postings/New?kind=Need");
        var token = other.Token();
        foreach (var page in new[] { "Edit", "Classify", "Renew", "Withdraw", "Replace", "Attachments" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Postings/{id}/{page}")).StatusCode);
            var post = await other.PostAsync($"/Postings/{id}/{page}", Form(token, ("Input.Title", "Taken over"), ("Input.Revision", "1")));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/Postings/{id}/Edit?handler=Preview", Form(token))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Postings/{id}/Attachments/{attachmentId}/Remove")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/Postings/{id}/Attachments/{attachmentId}/Remove", Form(token))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/Postings/{draft}?handler=Publish", Form(token, ("revision", "1")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/Postings/{draft}?handler=Publish", Form(token, ("revision", "1"), ("anyway", "true")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Postings/{draft}/Publish")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Postings/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Postings/{draft}/Attachments/{draftAttachmentId}")).StatusCode);
        // An attachment id under another posting's address is not found either.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Postings/{id}/Attachments/{draftAttachmentId}")).StatusCode);

        Assert.Equal(before, await SnapshotAsync());
        // The published posting itself is open to another State.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/Postings/{id}/Attachments/{attachmentId}")).StatusCode);
    }

    [Fact]
    public async Task Observer_NeverLearnsOfAStatesOnlyPosting_InAnyListSearchCountPageOrDownload()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var observer = await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-watch");
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHE");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        var hidden = await owner.PublishAsync(new PostingSteps.Draft
        {
            Title = "Confidential stockpile inventory support",
            Body = "The remaining stocks sit in the quartermaster depot near Phonsavan.\n",
            Visibility = Visibility.StatesOnly,
        });
        await owner.AttachAsync(hidden, "inventory.pdf", SampleFiles.Pdf());
        var open = await owner.PublishAsync(new PostingSteps.Draft { Title = "Open call for risk education partners" });
        var attachment = await Factory.WithDbAsync(db => db.PostingAttachments.Select(a => a.Id).SingleAsync());

        using var ngo = new Browser(Factory);
        await ngo.SignInAsync(Factory, observer);
        await AssertObserverSeesOnlyTheOpenPostingAsync(ngo, hidden, open, attachment);

        // The same through the observers' entry code: a read-only session sees no more.
        using var coded = new Browser(Factory);
        await EnterWithObserverCodeAsync(coded);
        await AssertObserverSeesOnlyTheOpenPostingAsync(coded, hidden, open, attachment);

        // A State's member sees both.
        using var state = new Browser(Factory);
        await state.SignInAsync(Factory, member);
        await state.OpenAsync("/Postings?q=%22quartermaster+depot%22");
        Assert.Equal("1 posting matches", state.Find("[data-testid=result-count]"));
        await state.OpenAsync("/Participants");
        Assert.Contains("|2|0|0", RowOf(state, "Lao People's Democratic Republic"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Observer_SearchSkipsHiddenTopHits_AndPagesTheRestByRankThenNewest_WithFiltersAndDateOrder()
    {
        var observer = await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-watch");
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHE");
        var now = Factory.Time.GetUtcNow();
        await Factory.WithDbAsync(async db =>
        {
            var lao = await db.Participants.SingleAsync(p => p.Code == "LAO");
            var minute = 0;
            void Add(string title, string body, Visibility visibility, PostingKind kind) => db.Postings.Add(new Posting
            {
                ParticipantId = lao.Id,
                Kind = kind,
                Status = PostingStatus.Published,
                Title = title,
                Summary = "Support.",
                Body = body,
                ContactPoint = "Someone",
                Areas = CcmAreas.ClearanceAndRiskEducation,
                Visibility = visibility,
                CreatedAt = now,
                PublishedAt = now.AddMinutes(-100 + minute++),
                ValidUntil = now.AddDays(100),
                CurrentVersion = 1,
            });

            // The best-ranked hits (the word twice in the title) are hidden from observers; the title hits open to
            // them are older than every body hit, so rank, not date, must put them first.
            for (var i = 1; i <= 3; i++)
            {
                Add($"Mortar clearance {(char)('A' + i - 1)}", "Rubble.", Visibility.StatesAndObservers, PostingKind.Need);
            }

            for (var i = 1; i <= 25; i++)
            {
                Add($"Clearance support {i:00}", "Mortar rounds.", Visibility.StatesAndObservers, i % 2 == 0 ? PostingKind.Offer : PostingKind.Need);
            }

            for (var i = 1; i <= 5; i++)
            {
                Add($"Mortar mortar clearance h{i}", "Rubble.", Visibility.StatesOnly, PostingKind.Need);
            }

            return await db.SaveChangesAsync();
        });
        string[] titleHits = ["Mortar clearance C", "Mortar clearance B", "Mortar clearance A"];
        var bodyHits = Enumerable.Range(1, 25).Reverse().Select(i => $"Clearance support {i:00}").ToArray();
        string[] hiddenHits = [.. Enumerable.Range(1, 5).Reverse().Select(i => $"Mortar mortar clearance h{i}")];

        using var ngo = new Browser(Factory);
        await ngo.SignInAsync(Factory, observer);
        await ngo.OpenAsync("/Postings?q=mortar");
        Assert.Equal("28 postings match · page 1 of 2", ngo.Find("[data-testid=result-count]"));
        Assert.Equal([.. titleHits, .. bodyHits[..17]], ngo.ResultTitles());
        await ngo.OpenAsync("/Postings?q=mortar&page=2");
        Assert.Equal(bodyHits[17..], ngo.ResultTitles());
        await ngo.OpenAsync("/Postings?q=mortar&kind=Offer");
        Assert.Equal("12 postings match", ngo.Find("[data-testid=result-count]"));
        Assert.Equal(bodyHits.Where((_, i) => i % 2 == 1), ngo.ResultTitles());
        await ngo.OpenAsync("/Postings?q=mortar&sort=Newest&page=2");
        Assert.Equal([.. bodyHits[20..], .. titleHits], ngo.ResultTitles());
        await ngo.OpenAsync("/Postings?q=mortar&sort=ExpiringSoon");
        Assert.Equal(20, ngo.ResultTitles().Length);
        Assert.DoesNotContain("Mortar mortar", ngo.Text, StringComparison.Ordinal);

        // A State's member sees the hidden ones too, and first: they rank best.
        using var state = new Browser(Factory);
        await state.SignInAsync(Factory, member);
        await state.OpenAsync("/Postings?q=mortar");
        Assert.Equal("33 postings match · page 1 of 2", state.Find("[data-testid=result-count]"));
        Assert.Equal([.. hiddenHits, .. titleHits, .. bodyHits[..12]], state.ResultTitles());
    }


    private static async Task AssertObserverSeesOnlyTheOpenPostingAsync(Browser ngo, int hidden, int open, int attachment)
    {
        await ngo.OpenAsync("/Postings");
        Assert.Equal("1 posting", ngo.Find("[data-testid=result-count]"));
        Assert.DoesNotContain("Confidential", ngo.Text, StringComparison.Ordinal);
        foreach (var query in new[] { "%22quartermaster+depot%22", "Phonsavan", "Confidential+stockpile", "inventory" })
        {
            await ngo.OpenAsync("/Postings?q=" + query);
            Assert.Equal("No postings match", ngo.Find("[data-testid=result-count]"));
        }

        await ngo.OpenAsync("/Postings?area=VictimAssistance&country=LAO&participant=LAO");
        Assert.Equal("1 posting matches", ngo.Find("[data-testid=result-count]"));
        await ngo.OpenAsync("/Participants");
        Assert.Contains("|1|0|0", RowOf(ngo, "Lao People's Democratic Republic"), StringComparison.Ordinal);
        await ngo.OpenAsync("/Participants/LAO");
        Assert.DoesNotContain("Confidential", ngo.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ngo.GetAsync($"/Postings/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ngo.GetAsync($"/Postings/{hidden}/Versions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ngo.GetAsync($"/Postings/{hidden}/Versions?handler=Canonical&v=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ngo.GetAsync($"/Postings/{hidden}/Attachments/{attachment}")).StatusCode);
        // The answer for a hidden posting is exactly the answer for one that does not exist.
        var missing = await (await ngo.GetAsync("/Postings/999999")).Content.ReadAsStringAsync();
        var hiddenPage = await (await ngo.GetAsync($"/Postings/{hidden}")).Content.ReadAsStringAsync();
        Assert.Equal(Normalise(missing), Normalise(hiddenPage));
        Assert.Equal(HttpStatusCode.OK, (await ngo.GetAsync($"/Postings/{open}")).StatusCode);
    }

    private async Task EnterWithObserverCodeAsync(Browser browser)
    {
        var code = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>()
            .RotateAsync(CodeAudience.Observers, "test"));
        var organisation = await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "ngo-watch").Select(p => p.Id).SingleAsync());
        await browser.OpenAsync("/Entry");
        await browser.SubmitAsync("form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Visiting observer",
            ["Input.Email"] = "visitor@ngo.test",
            ["Input.ParticipantId"] = organisation.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Code"] = code,
        });
        Assert.Contains("read-only", browser.Find("[data-testid=who]") ?? "", StringComparison.Ordinal);
    }

    private static string RowOf(Browser browser, string name) =>
        browser.Page!.QuerySelectorAll("tbody tr").Select(tr => string.Join("|", tr.QuerySelectorAll("td").Take(4).Select(td => td.TextContent.Trim())))
            .SingleOrDefault(r => r.StartsWith(name, StringComparison.Ordinal)) ?? "";

    /// <summary>The error page carries a fresh reference number and antiforgery token; everything else must match.</summary>
    private static string Normalise(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "value=\"[^\"]*\"|[0-9A-Z]{8,}", "");

    private static KeyValuePair<string, string>[] Form(string token, params (string Key, string Value)[] fields) =>
        [new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))];

    private Task<string> SnapshotAsync() => Factory.WithDbAsync(async db =>
    {
        var postings = await db.Postings.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => $"{p.Id}:{p.Status}:{p.Revision}:{p.Title}:{p.ValidUntil.UtcTicks}:{p.CurrentVersion}").ToListAsync();
        var files = await db.PostingAttachments.AsNoTracking().OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.Sha256}").ToListAsync();
        var versions = await db.PostingVersions.CountAsync();
        return string.Join(";", postings) + "|" + string.Join(";", files) + "|" + versions;
    });
}
