using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Infrastructure.Caching;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// Kept reads (decision 007) are never staler than the database: two app instances share one database, one keeps
/// lists, posting pages and sessions in memory, the other (or the database itself) changes them, and the very next
/// request on the first sees the change.
/// </summary>
public sealed class ReadCacheTests : TwoInstanceTest
{
    [Fact]
    public async Task ListsAndPostingPagesKeptByOneInstance_FollowEveryChangeMadeOnTheOther_AtTheNextRequest()
    {
        var lao = await TestAccounts.CreateAsync(First, PortalRole.FocalPoint, "LAO");
        var observer = await TestAccounts.CreateAsync(First, PortalRole.Observer, "ngo-watch");
        var member = await TestAccounts.CreateAsync(First, PortalRole.Member, "CHE");
        using var owner = new Browser(First);
        await owner.SignInAsync(First, lao);
        var id = await owner.PublishAsync(new PostingSteps.Draft { Title = "Open call for risk education partners" });

        using var ngo = new Browser(Second);
        await ngo.SignInAsync(Second, observer);
        using var che = new Browser(Second);
        await che.SignInAsync(Second, member);
        // Twice each, so the second instance serves them from memory.
        for (var i = 0; i < 2; i++)
        {
            await ngo.OpenAsync("/Postings");
            Assert.Contains("Open call for risk education partners", ngo.Text, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await ngo.GetAsync($"/Postings/{id}")).StatusCode);
            await che.OpenAsync("/Postings?kind=Need");
            Assert.Contains("Open call for risk education partners", che.Text, StringComparison.Ordinal);
        }

        // The owner, on the first instance, narrows it to States only: the observer loses it at once.
        await owner.OpenAsync($"/Postings/{id}/Edit");
        await owner.SubmitAsync("form.stack", new Dictionary<string, string>
        {
            ["Input.Visibility"] = nameof(Visibility.StatesOnly),
            ["Input.Title"] = "Call for risk education partners, States only",
        });
        await ngo.OpenAsync("/Postings");
        Assert.DoesNotContain("risk education partners", ngo.Text, StringComparison.Ordinal);
        Assert.Contains("No postings", ngo.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ngo.GetAsync($"/Postings/{id}")).StatusCode);
        await che.OpenAsync("/Postings?kind=Need");
        Assert.Contains("Call for risk education partners, States only", che.Text, StringComparison.Ordinal);
        await che.OpenAsync($"/Postings/{id}");
        Assert.Contains("Call for risk education partners, States only", che.Find("h1"), StringComparison.Ordinal);

        // Withdrawn on the first instance: gone from the second's list and page.
        await owner.OpenAsync($"/Postings/{id}/Withdraw");
        await owner.SubmitAsync("form.actions button");
        await che.OpenAsync("/Postings?kind=Need");
        Assert.DoesNotContain("risk education partners", che.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await che.GetAsync($"/Postings/{id}")).StatusCode);

        // A new posting published on the first instance is listed on the second at once.
        var next = await owner.PublishAsync(new PostingSteps.Draft { Title = "Prosthetics workshop equipment" });
        await che.OpenAsync("/Postings?kind=Need");
        Assert.Contains("Prosthetics workshop equipment", che.Text, StringComparison.Ordinal);
        Assert.NotNull(che.Page!.QuerySelector($"a[href='/Postings/{next}']"));

        // A change made straight in the database (an operator's fix) is seen too: the database moves the stamp itself.
        await First.WithDbAsync(db => db.Participants.Where(p => p.Code == "LAO")
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Name, "Lao People's Democratic Republic (renamed)")));
        await che.OpenAsync("/Postings?kind=Need");
        Assert.Contains("(renamed)", che.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeptListHtml_IsNeverServedToAnotherAudience_NorCarriesOneReadersTyping()
    {
        var lao = await TestAccounts.CreateAsync(First, PortalRole.FocalPoint, "LAO");
        var observer = await TestAccounts.CreateAsync(First, PortalRole.Observer, "ngo-watch");
        var member = await TestAccounts.CreateAsync(First, PortalRole.Member, "CHE");
        using var owner = new Browser(First);
        await owner.SignInAsync(First, lao);
        await owner.PublishAsync(new PostingSteps.Draft { Title = "Quartermaster depot inventory", Visibility = Visibility.StatesOnly });
        await owner.PublishAsync(new PostingSteps.Draft { Title = "Open call for risk education partners" });

        // A State's member opens the list first, twice, with odd text that searches nothing.
        using var che = new Browser(First);
        await che.SignInAsync(First, member);
        for (var i = 0; i < 2; i++)
        {
            await che.OpenAsync("/Postings?q=%21%21%21+%3C%3E");
            Assert.Contains("Quartermaster depot inventory", che.Text, StringComparison.Ordinal);
        }

        // Then an observer, on the same instance, the same list: only what is open to observers, and none of the
        // member's typing.
        using var ngo = new Browser(First);
        await ngo.SignInAsync(First, observer);
        for (var i = 0; i < 2; i++)
        {
            await ngo.OpenAsync("/Postings");
            Assert.Contains("Open call for risk education partners", ngo.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Quartermaster", ngo.Text, StringComparison.Ordinal);
            Assert.Equal("", ngo.Page!.QuerySelector("#q")!.GetAttribute("value") ?? "");
        }

        await che.OpenAsync("/Postings");
        Assert.Equal("", che.Page!.QuerySelector("#q")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task KeptList_DropsAPostingWhenItExpires_EvenBeforeTheLifecycleJobRuns()
    {
        var lao = await TestAccounts.CreateAsync(First, PortalRole.FocalPoint, "LAO");
        var member = await TestAccounts.CreateAsync(First, PortalRole.Member, "CHE");
        using var owner = new Browser(First);
        await owner.SignInAsync(First, lao);
        var soon = await owner.PublishAsync(new PostingSteps.Draft { Title = "Expires within the hour" });
        await owner.PublishAsync(new PostingSteps.Draft { Title = "Valid for a year" });
        await First.WithDbAsync(db => db.Postings.Where(p => p.Id == soon)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.ValidUntil, First.Time.GetUtcNow().AddMinutes(50))));

        using var che = new Browser(First);
        await che.SignInAsync(First, member);
        for (var i = 0; i < 2; i++)
        {
            await che.OpenAsync("/Postings");
            Assert.Contains("Expires within the hour", che.Text, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await che.GetAsync($"/Postings/{soon}")).StatusCode);
        }

        First.Time.Advance(TimeSpan.FromHours(1));
        await che.OpenAsync("/Postings");
        Assert.DoesNotContain("Expires within the hour", che.Text, StringComparison.Ordinal);
        Assert.Contains("Valid for a year", che.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await che.GetAsync($"/Postings/{soon}")).StatusCode);
        // Nothing was written: the job has not run, the posting is still "published" in the database.
        Assert.Equal(PostingStatus.Published, await First.WithDbAsync(db => db.Postings.Where(p => p.Id == soon).Select(p => p.Status).SingleAsync()));
        // Its owner still sees it, expired, to renew or replace it.
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/Postings/{soon}")).StatusCode);
    }

    [Fact]
    public async Task SessionKeptByOneInstance_EndsThereAtTheNextRequest_WhenTheAccountIsDisabledOrItsRoleChanges()
    {
        var member = await TestAccounts.CreateAsync(First, PortalRole.Member, "CHE");
        var focal = await TestAccounts.CreateAsync(First, PortalRole.FocalPoint, "LAO");
        using var one = new Browser(Second);
        await one.SignInAsync(Second, member);
        using var two = new Browser(Second);
        await two.SignInAsync(Second, focal);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await one.GetAsync("/Postings")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await two.GetAsync("/Postings/New?kind=Need")).StatusCode);
        }

        await First.WithDbAsync(db => db.Users.Where(u => u.Email == member.Email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true)));
        Assert.Equal("/Entry", Browser.RedirectPath(await one.GetAsync("/Postings")));

        // The focal point's State stops being allowed to publish (the participant changes): no more "New posting".
        await First.WithDbAsync(db => db.Participants.Where(p => p.Code == "LAO")
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Kind, ParticipantKind.Ngo).SetProperty(p => p.MayPublish, false)));
        Assert.Equal("/Postings/WhoPublishes", Browser.RedirectPath(await two.GetAsync("/Postings/New?kind=Need")));
    }

    [Theory]
    [InlineData("Postings", "Title", "postings")]
    [InlineData("PostingCountry", "CountryCode", "postings")]
    [InlineData("PostingAttachments", "FileName", "postings")]
    [InlineData("Participants", "Name", "postings")]
    [InlineData("Participants", "Name", "access")]
    [InlineData("Sessions", "DisplayName", "access")]
    [InlineData("AspNetUsers", "FullName", "access")]
    [InlineData("EntryCodes", "Hash", "access")]
    public async Task EveryTableAKeptReadDependsOn_MovesItsStamp_WhateverWritesIt(string table, string column, string stamp)
    {
        var lao = await TestAccounts.CreateAsync(First, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(First);
        await owner.SignInAsync(First, lao);
        var id = await owner.PublishAsync(new PostingSteps.Draft());
        await owner.AttachAsync(id, "plan.pdf", SampleFiles.Pdf());
        var before = await StampAsync(stamp);

        // A statement that changes nothing visible still counts as a write: the stamp does not guess.
        var sql = $"UPDATE \"{table}\" SET \"{column}\" = \"{column}\"";
        var rows = await First.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

        Assert.True(rows > 0, $"{table} has no rows to update");
        Assert.True(await StampAsync(stamp) > before, $"An update of {table} did not move the {stamp} stamp");
    }

    private Task<long> StampAsync(string name) => First.WithServicesAsync(async services =>
    {
        var stamps = await services.GetRequiredService<ChangeStamps>().CurrentAsync();
        return name == "postings" ? stamps.Postings : stamps.Access;
    });
}
