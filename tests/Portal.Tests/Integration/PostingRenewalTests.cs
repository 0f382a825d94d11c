using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>"Renew" is offered only when it changes something (from 60 days before expiry), and what expires soon is flagged.</summary>
public sealed class PostingRenewalTests : PortalTest
{
    [Fact]
    public async Task NewlyPublished_OffersNoRenewal_AndTheRenewPageSaysWhenItOpens_AndChangesNothing()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        var id = await owner.PublishAsync(new PostingSteps.Draft());
        var validUntil = await ValidUntilAsync(id);

        await owner.OpenAsync($"/Postings/{id}");
        Assert.Null(owner.Page!.QuerySelector($"a[href='/Postings/{id}/Renew']"));
        Assert.Contains("You can renew it from", owner.Text, StringComparison.Ordinal);

        await owner.OpenAsync($"/Postings/{id}/Renew");
        Assert.Contains("there is nothing to renew yet", owner.Text, StringComparison.Ordinal);
        Assert.Null(owner.Page!.QuerySelector("form.actions"));

        // A POST anyway (an old tab): nothing changes, and the page says why.
        await owner.PostAsync($"/Postings/{id}/Renew", [new("__RequestVerificationToken", owner.Token())]);
        await owner.OpenAsync($"/Postings/{id}");
        Assert.StartsWith("Not renewed: it is valid until", owner.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(validUntil, await ValidUntilAsync(id));
    }

    [Fact]
    public async Task SixtyDaysBeforeExpiry_RenewIsTheMainAction_AndTenDaysBefore_TheHomePageFlagsIt()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        var id = await owner.PublishAsync(new PostingSteps.Draft { Title = "Prosthetics workshop support" });
        var later = await owner.PublishAsync(new PostingSteps.Draft { Title = "Survey equipment" });
        var validUntil = await ValidUntilAsync(id);

        Factory.Time.Advance(validUntil.AddDays(-60) - Factory.Time.GetUtcNow());
        await owner.SignInAsync(Factory, lao);
        await owner.OpenAsync($"/Postings/{id}");
        Assert.Equal("Renew", owner.Find(".actions a.button:not(.secondary)"));
        await owner.OpenAsync("/");
        Assert.Null(owner.Page!.QuerySelector("[data-testid=expiring]"));

        Factory.Time.Advance(TimeSpan.FromDays(50));
        await owner.SignInAsync(Factory, lao);
        await owner.OpenAsync("/");
        var flag = owner.Find("[data-testid=expiring]") ?? "";
        Assert.Contains("2 of your postings expire within 30 days.", flag, StringComparison.Ordinal);
        Assert.Contains($"Prosthetics workshop support: expires in 10 days", flag, StringComparison.Ordinal);

        // Renewed: no longer flagged; the other one still is.
        await owner.OpenAsync($"/Postings/{id}/Renew");
        await owner.SubmitAsync("form.actions button");
        await owner.OpenAsync("/");
        Assert.Contains("1 of your postings expires within 30 days.", owner.Find("[data-testid=expiring]"), StringComparison.Ordinal);
        Assert.NotNull(owner.Page!.QuerySelector($"[data-testid=expiring] a[href='/Postings/{later}/Renew']"));
    }

    [Fact]
    public async Task OurPostings_ListsWhatExpiresWithin30DaysFirst_AndFlagsIt_NotWhatExpiresIn90Days()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        var soon = await owner.PublishAsync(new PostingSteps.Draft { Title = "Prosthetics workshop support" });
        Factory.Time.Advance(TimeSpan.FromDays(80));
        await owner.SignInAsync(Factory, lao);
        var later = await owner.PublishAsync(new PostingSteps.Draft { Title = "Survey equipment" });
        var draft = await owner.SaveDraftAsync(new PostingSteps.Draft { Title = "Risk education materials" });

        Factory.Time.Advance(await ValidUntilAsync(soon) - TimeSpan.FromDays(10) - Factory.Time.GetUtcNow());
        Assert.Equal(TimeSpan.FromDays(90), await ValidUntilAsync(later) - Factory.Time.GetUtcNow());
        await owner.SignInAsync(Factory, lao);
        await owner.OpenAsync("/Postings/Mine");

        var rows = owner.Page!.QuerySelectorAll("[data-testid=own-postings].reflow tbody tr");
        Assert.Equal(["Prosthetics workshop support", "Risk education materials", "Survey equipment"],
            rows.Select(r => r.QuerySelector("td[data-label=Title]")!.TextContent.Trim()));
        Assert.Equal("Expires in 10 days", rows[0].QuerySelector("[data-testid=expires-soon]")?.TextContent.Trim());
        Assert.NotNull(rows[0].QuerySelector($"a[href='/Postings/{soon}/Renew']"));
        Assert.Null(rows[1].QuerySelector("[data-testid=expires-soon]"));
        Assert.Null(rows[2].QuerySelector("[data-testid=expires-soon]"));
        // Ninety days before expiry, renewal is not open yet (from 60 days): no link that would change nothing.
        Assert.Null(rows[2].QuerySelector($"a[href='/Postings/{later}/Renew']"));
        Assert.NotNull(rows[1].QuerySelector($"a[href='/Postings/{draft}']"));
    }

    private Task<DateTimeOffset> ValidUntilAsync(int id) =>
        Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == id).Select(p => p.ValidUntil).SingleAsync());
}
