using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// An offer's application deadline: asked for on the offer's form only, checked with messages that say what to do,
/// shown on the posting's page until and after it passes (end of the day, Geneva time), and part of the version.
/// </summary>
public sealed class ApplicationDeadlineTests : PortalTest
{
    // Next year's 1 April, 10:00 in Geneva (summer time), whenever the tests run: the fake clock only goes forward.
    // Dates in the tests are written with "Y" for that year.
    private static readonly int Year = DateTimeOffset.UtcNow.Year + 1;

    private static readonly DateTimeOffset Start = new(Year, 4, 1, 8, 0, 0, TimeSpan.Zero);

    private static string Y(string text) => text.Replace("Y", Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static readonly PostingSteps.Draft Offer = new()
    {
        Kind = PostingKind.Offer,
        Title = "Sponsored places at a regional workshop on reporting",
        Summary = "Sponsored places for two delegates per State at a three-day workshop on Article 7 reporting.",
        Body = "## What is offered\n\nTravel and three nights for two delegates.\n",
        Areas = [nameof(CcmAreas.Transparency)],
        Types = [nameof(AssistanceTypes.Training)],
        Countries = [],
        Regions = [nameof(Regions.Africa)],
        ApplicationDeadline = Y("Y-04-30"),
    };

    [Fact]
    public async Task TheField_IsOnTheOffersFormOnly_OptionalWithItsHint()
    {
        using var owner = await FocalPointAsync();
        await owner.OpenAsync("/Postings/New?kind=Offer");
        var field = owner.Page!.GetElementById("Input_ApplicationDeadline")!;
        Assert.Equal("date", field.GetAttribute("type"));
        Assert.Equal("Application deadline (optional)", owner.Find("label[for=Input_ApplicationDeadline]"));
        Assert.Equal(
            "The last day to apply, Geneva time. Leave it empty if applications are open until the offer expires.",
            owner.Page.GetElementById(field.GetAttribute("aria-describedby")!)!.TextContent.Trim());

        foreach (var kind in new[] { PostingKind.Need, PostingKind.Experience })
        {
            await owner.OpenAsync($"/Postings/New?kind={kind}");
            Assert.Null(owner.Page!.GetElementById("Input_ApplicationDeadline"));
        }
    }

    [Theory]
    [InlineData("Y-02-30", "Y-12-31", "Enter the application deadline as a real date, for example 2027-04-30, or leave it empty.")]
    [InlineData("30/04/Y", "Y-12-31", "Enter the application deadline as a real date, for example 2027-04-30, or leave it empty.")]
    [InlineData("Y-03-31", "Y-12-31", "The application deadline has passed: choose today or a later date, or leave it empty if applications are open until the offer expires.")]
    [InlineData("Y-07-01", "Y-06-30", "The application deadline must be on or before the valid-until date, 30 June Y.")]
    public async Task AWrongDeadline_IsRefused_WithAMessageAboveTheField(string deadline, string validUntil, string message)
    {
        using var owner = await FocalPointAsync();
        await owner.OpenAsync("/Postings/New?kind=Offer");
        var values = (Offer with { ApplicationDeadline = Y(deadline) }).Values();
        values["Input.ValidUntil"] = Y(validUntil);
        await owner.SubmitAsync("form.stack", new FormFill { Values = values, Lists = Offer.Lists() });

        Assert.StartsWith("Error: ", owner.Page!.Title, StringComparison.Ordinal);
        Assert.Equal($"Error: {Y(message)}", owner.Find("#Input_ApplicationDeadline-error"));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Postings.CountAsync(p => p.Title == Offer.Title)));
    }

    [Fact]
    public async Task TodayIsStillOpen_ADeadlineOnTheValidUntilDayToo()
    {
        using var owner = await FocalPointAsync();
        var id = await owner.SaveDraftAsync(Offer with { ApplicationDeadline = Y("Y-04-01") });
        Assert.Equal(new DateOnly(Year, 4, 1), await DeadlineOfAsync(id));

        await owner.OpenAsync("/Postings/New?kind=Offer");
        var values = (Offer with { Title = "Another offer of sponsored places", ApplicationDeadline = Y("Y-06-30") }).Values();
        values["Input.ValidUntil"] = Y("Y-06-30");
        await owner.SubmitAsync("form.stack", new FormFill { Values = values, Lists = Offer.Lists() });
        Assert.Null(owner.Find("[data-testid=errors]"));
    }

    [Fact]
    public async Task APublishedOffer_SaysApplyBy_UntilTheEndOfTheDayInGeneva_ThenThatApplicationsClosed()
    {
        var account = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "NOR");
        var reader = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = await SignedInAsync(account);
        var id = await owner.PublishAsync(Offer);
        Assert.Equal(Y("Apply by 30 April Y (Geneva time)"), owner.Find("[data-testid=application-deadline]"));

        // 23:59:59 in Geneva on the day itself: still open.
        Factory.Time.SetUtcNow(new DateTimeOffset(Year, 4, 30, 21, 59, 59, TimeSpan.Zero));
        using (var before = await SignedInAsync(reader))
        {
            await before.OpenAsync($"/Postings/{id}");
            Assert.Equal(Y("Apply by 30 April Y (Geneva time)"), before.Find("[data-testid=application-deadline]"));
        }

        // Midnight in Geneva: closed, whoever reads it.
        Factory.Time.SetUtcNow(new DateTimeOffset(Year, 4, 30, 22, 0, 0, TimeSpan.Zero));
        using var after = await SignedInAsync(reader);
        await after.OpenAsync($"/Postings/{id}");
        Assert.Equal(Y("Applications closed on 30 April Y"), after.Find("[data-testid=application-deadline]"));

        // The owner can still correct the offer without moving the deadline that has passed.
        using var later = await SignedInAsync(account);
        await later.OpenAsync($"/Postings/{id}/Edit");
        Assert.Equal(Y("Y-04-30"), later.Page!.GetElementById("Input_ApplicationDeadline")!.GetAttribute("value"));
        await later.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.Title"] = Offer.Title + " in Africa" });
        Assert.Contains("new version is published", later.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(Year, 4, 30), await DeadlineOfAsync(id));
    }

    [Fact]
    public async Task AnOfferWithoutADeadline_ShowsNone_AndEmptyingTheFieldRemovesIt()
    {
        using var owner = await FocalPointAsync();
        var id = await owner.PublishAsync(Offer with { ApplicationDeadline = "" });
        Assert.Null(owner.Find("[data-testid=application-deadline]"));
        Assert.Null(await DeadlineOfAsync(id));

        await owner.OpenAsync($"/Postings/{id}/Edit");
        await owner.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.ApplicationDeadline"] = Y("Y-05-15") });
        Assert.Equal(Y("Apply by 15 May Y (Geneva time)"), owner.Find("[data-testid=application-deadline]"));

        await owner.OpenAsync($"/Postings/{id}/Edit");
        await owner.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.ApplicationDeadline"] = "" });
        Assert.Null(owner.Find("[data-testid=application-deadline]"));
        Assert.Null(await DeadlineOfAsync(id));
    }

    [Theory]
    [InlineData(PostingKind.Need)]
    [InlineData(PostingKind.Experience)]
    public async Task ANeedOrAnExperience_NeverKeepsADeadline_EvenIfTheRequestSendsOne(PostingKind kind)
    {
        using var owner = await FocalPointAsync();
        // The offer's form, with its kind changed to another: the deadline it still sends is dropped.
        await owner.OpenAsync("/Postings/New?kind=Offer");
        var values = Offer.Values();
        values["Input.Kind"] = kind.ToString();
        await owner.SubmitAsync("form.stack", new FormFill { Values = values, Lists = Offer.Lists() });
        Assert.Null(owner.Find("[data-testid=errors]"));

        var stored = await Factory.WithDbAsync(db => db.Postings.Where(p => p.Title == Offer.Title)
            .Select(p => new { p.Kind, p.ApplicationDeadline }).SingleAsync());
        Assert.Equal(kind, stored.Kind);
        Assert.Null(stored.ApplicationDeadline);
    }

    [Fact]
    public async Task AChangedDeadline_ShowsInTheDifferenceBetweenVersions()
    {
        using var owner = await FocalPointAsync();
        var id = await owner.PublishAsync(Offer);
        await owner.OpenAsync($"/Postings/{id}/Edit");
        await owner.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.ApplicationDeadline"] = Y("Y-05-15") });
        Assert.Contains("new version is published", owner.Find("[role=status]"), StringComparison.Ordinal);

        await owner.OpenAsync($"/Postings/{id}/Versions");
        var removed = owner.Page!.QuerySelectorAll(".diff del").Select(e => e.TextContent.Trim()).ToList();
        var added = owner.Page.QuerySelectorAll(".diff ins").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains(removed, line => line.Contains(Y("Application deadline: 30 April Y (Geneva time)"), StringComparison.Ordinal));
        Assert.Contains(added, line => line.Contains(Y("Application deadline: 15 May Y (Geneva time)"), StringComparison.Ordinal));
        Assert.DoesNotContain(removed.Concat(added), line => line.Contains("Title", StringComparison.Ordinal));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Factory.Time.SetUtcNow(Start);
    }

    private Task<DateOnly?> DeadlineOfAsync(int id) =>
        Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == id).Select(p => p.ApplicationDeadline).SingleAsync());

    private async Task<Browser> FocalPointAsync() =>
        await SignedInAsync(await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "NOR"));

    private async Task<Browser> SignedInAsync(TestAccount account)
    {
        var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        return browser;
    }
}
