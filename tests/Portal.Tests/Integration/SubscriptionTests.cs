using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Subscriptions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// Subscriptions through the real pages and the real SMTP sink, on a fake clock: an e-mail lists only the new postings
/// that match and that the recipient may see when it is sent; its link stops it without signing in, and a changed or
/// old link does nothing and says nothing.
/// </summary>
public sealed class SubscriptionTests : PortalTest
{
    private const string Ngo = "ngo-subs";

    private readonly List<Browser> browsers = [];

    private readonly Dictionary<(PortalRole, string), string> emails = [];

    private static PostingSteps.Draft Offer(string title, string[] countries, string[] regions, Visibility visibility,
        string area = nameof(CcmAreas.ClearanceAndRiskEducation), PostingKind kind = PostingKind.Offer) => new()
        {
            Kind = kind,
            Title = title,
            Areas = [area],
            Countries = countries,
            Regions = regions,
            Visibility = visibility,
        };

    [Fact]
    public async Task WeeklyDigest_ListsTheNewMatchingPostings_EachRecipientOnlyWhatTheyMaySee_AndNothingTwice()
    {
        var lao = await SignedInAsync(PortalRole.Member, "LAO");
        var ngo = await SignedInAsync(PortalRole.Member, Ngo);
        foreach (var subscriber in new[] { lao, ngo })
        {
            await SubscribeAsync(subscriber, [nameof(PostingKinds.Offers)], [nameof(CcmAreas.ClearanceAndRiskEducation)], [nameof(Regions.Africa)], nameof(DigestTiming.Weekly));
        }

        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var deu = await SignedInAsync(PortalRole.FocalPoint, "DEU");
        await deu.PublishAsync(Offer("Clearance teams for Angola", ["AGO"], [], Visibility.StatesOnly));
        await deu.PublishAsync(Offer("Survey support across Africa", [], [nameof(Regions.Africa)], Visibility.StatesAndObservers));
        await deu.PublishAsync(Offer("Clearance advice worldwide", [], [nameof(Regions.Global)], Visibility.StatesAndObservers));
        await deu.PublishAsync(Offer("Prosthetics for Angola", ["AGO"], [], Visibility.StatesAndObservers, area: nameof(CcmAreas.VictimAssistance)));
        await deu.PublishAsync(Offer("Clearance in Laos", ["LAO"], [], Visibility.StatesAndObservers));
        await deu.PublishAsync(Offer("Our own clearance needs in Africa", [], [nameof(Regions.Africa)], Visibility.StatesAndObservers, kind: PostingKind.Need));

        // Not before the week is over.
        Factory.Time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await SendDueAsync());
        Factory.Time.Advance(TimeSpan.FromDays(1) + SubscriptionDigest.Settle);
        Assert.Equal(2, await SendDueAsync());

        var laoMail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, EmailOf(PortalRole.Member, "LAO")), m => m.Subject.Contains("new postings", StringComparison.Ordinal));
        Assert.Equal("3 new postings on the CCM Cooperation Portal for your subscription", laoMail.Subject);
        Assert.Equal(["Clearance teams for Angola", "Survey support across Africa", "Clearance advice worldwide"], Titles(laoMail.Body));
        var ngoMail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, EmailOf(PortalRole.Member, Ngo)), m => m.Subject.Contains("new postings", StringComparison.Ordinal));
        Assert.Equal(["Survey support across Africa", "Clearance advice worldwide"], Titles(ngoMail.Body));
        Assert.DoesNotContain("Angola", ngoMail.Body, StringComparison.Ordinal);
        Assert.Contains("Kinds: Offers", ngoMail.Body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://portal.test/Postings/", ngoMail.Html, StringComparison.Ordinal);
        Assert.StartsWith($"<http://portal.test{OneClickUnsubscribe.Path}?token=", ngoMail.ListUnsubscribe, StringComparison.Ordinal);

        // Nothing twice; a week with nothing new sends nothing.
        Assert.Equal(0, await SendDueAsync());
        Factory.Time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(0, await SendDueAsync());

        // The next week brings what was published after the last e-mail, and nothing already sent.
        deu = await SignedInAsync(PortalRole.FocalPoint, "DEU");
        await deu.PublishAsync(Offer("Risk education for Angolan schools", ["AGO"], [], Visibility.StatesAndObservers));
        Factory.Time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(2, await SendDueAsync());
        var next = (await Mailbox.DeliverAndReadAsync(Factory, EmailOf(PortalRole.Member, Ngo))).Where(m => m.Subject.Contains("new posting", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, next.Count);
        Assert.Contains(next, m => Titles(m.Body).SequenceEqual(["Risk education for Angolan schools"]));
    }

    [Fact]
    public async Task AtOnce_SendsSoonAfterAPublication_ThenNothingUntilTheNext()
    {
        var lao = await SignedInAsync(PortalRole.Member, "LAO");
        await SubscribeAsync(lao, [], [], [], nameof(DigestTiming.AtOnce));
        Assert.Equal(0, await SendDueAsync());

        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var deu = await SignedInAsync(PortalRole.FocalPoint, "DEU");
        var grants = await deu.PublishAsync(Offer("Mine action grants", [], [nameof(Regions.Global)], Visibility.StatesOnly));
        // Not in the very minute: a posting is stamped before its transaction ends, so a period ends a little before now.
        Assert.Equal(0, await SendDueAsync());
        Factory.Time.Advance(SubscriptionDigest.Settle);
        Assert.Equal(1, await SendDueAsync());
        Assert.Equal(0, await SendDueAsync());

        // A new version of it is no news.
        await deu.OpenAsync($"/Postings/{grants}/Edit");
        await deu.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.Title"] = "Mine action grants for 2027" });
        Assert.Contains("new version is published", deu.Find("[role=status]"), StringComparison.Ordinal);
        Factory.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await SendDueAsync());

        var mail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, EmailOf(PortalRole.Member, "LAO")), m => m.Subject.Contains("new posting", StringComparison.Ordinal));
        Assert.Equal("1 new posting on the CCM Cooperation Portal for your subscription", mail.Subject);
        Assert.Equal(["Mine action grants"], Titles(mail.Body));
        Assert.Contains("Kinds: Every kind", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsubscribeLink_WorksSignedOut_OnlyByItsButton_AndAChangedOrOldLinkDoesNothing()
    {
        var lao = await SignedInAsync(PortalRole.Member, "LAO");
        await SubscribeAsync(lao, [], [], [], nameof(DigestTiming.AtOnce));
        await SubscribeAsync(lao, [nameof(PostingKinds.Needs)], [], [], nameof(DigestTiming.AtOnce));
        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var deu = await SignedInAsync(PortalRole.FocalPoint, "DEU");
        await deu.PublishAsync(Offer("Mine action grants", [], [nameof(Regions.Global)], Visibility.StatesOnly, kind: PostingKind.Need));
        Factory.Time.Advance(SubscriptionDigest.Settle);
        Assert.Equal(2, await SendDueAsync());
        var mails = await Mailbox.DeliverAndReadAsync(Factory, EmailOf(PortalRole.Member, "LAO"));
        var link = Mailbox.LinkIn(mails.First(m => m.Subject.Contains("new posting", StringComparison.Ordinal)), "/Unsubscribe?token=");

        using var stranger = new Browser(Factory);
        var changed = link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..];
        await stranger.OpenAsync(changed);
        Assert.Equal("This link no longer works", stranger.Find("h1"));
        Assert.Equal(2, await Factory.WithDbAsync(db => db.Subscriptions.CountAsync()));

        await stranger.OpenAsync(link);
        Assert.Equal("Stop these e-mails?", stranger.Find("h1"));
        Assert.DoesNotContain("@", stranger.MainElement().TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Test Member", stranger.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Every kind", stranger.Text, StringComparison.Ordinal);
        Assert.Equal(2, await Factory.WithDbAsync(db => db.Subscriptions.CountAsync()));
        await stranger.SubmitAsync("main form");
        Assert.Equal("You are unsubscribed", stranger.Find("h1"));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Subscriptions.CountAsync()));

        // Again: the same answer, nothing else removed.
        await stranger.OpenAsync(link);
        await stranger.SubmitAsync("main form");
        Assert.Equal("You are unsubscribed", stranger.Find("h1"));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Subscriptions.CountAsync()));

        // The other subscription's link, 91 days later, no longer works.
        var other = Mailbox.LinkIn(mails.Single(m => m.Body.Contains("Kinds: Needs", StringComparison.Ordinal)), "/Unsubscribe?token=");
        Factory.Time.Advance(UnsubscribeLinks.Lifetime + TimeSpan.FromDays(1));
        await stranger.OpenAsync(other);
        Assert.Equal("This link no longer works", stranger.Find("h1"));
        await stranger.OpenAsync("/Account/SignIn");
        var response = await stranger.PostAsync("/Unsubscribe", [new("token", Uri.UnescapeDataString(other[(other.IndexOf('=', StringComparison.Ordinal) + 1)..])), new("__RequestVerificationToken", stranger.Token())]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("This link no longer works", stranger.Find("h1"));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Subscriptions.CountAsync()));
    }

    [Fact]
    public async Task SubscriptionsPage_SaysWhatIsMissing_RefusesUnknownValues_AndRemovesOnlyYourOwn()
    {
        var lao = await SignedInAsync(PortalRole.Member, "LAO");
        await lao.OpenAsync("/Account/Manage");
        await lao.OpenAsync(lao.Page!.QuerySelector("[data-testid=subscriptions-link]")!.GetAttribute("href")!);
        Assert.Equal("You have no subscriptions yet.", lao.Find("[data-testid=no-subscriptions]"));

        await lao.SubmitAsync("form[action*=Add]");
        Assert.Contains(SubscriptionsPage.TimingMissing, lao.Find(".error-summary"), StringComparison.Ordinal);
        await lao.PostAsync("/Account/Manage/Subscriptions?handler=Add",
            [new("Input.Timing", nameof(DigestTiming.Weekly)), new("Input.Regions", "Atlantis"), new("__RequestVerificationToken", lao.Token())]);
        Assert.Contains(SubscriptionsPage.UnknownChoice, lao.Find(".error-summary"), StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Subscriptions.CountAsync()));

        await SubscribeAsync(lao, [nameof(PostingKinds.Offers)], [], [nameof(Regions.Asia)], nameof(DigestTiming.Weekly));
        Assert.Equal(["Offers", "Every area", "Asia", "Once a week"],
            lao.Page!.QuerySelectorAll("[data-testid=subscription] td").Take(4).Select(td => td.TextContent.Trim()));
        await lao.SubmitAsync("form[action*=Add]", new FormFill
        {
            Values = new Dictionary<string, string> { ["Input.Timing"] = nameof(DigestTiming.AtOnce) },
            Lists = new Dictionary<string, string[]> { ["Input.Kinds"] = [nameof(PostingKinds.Offers)], ["Input.Regions"] = [nameof(Regions.Asia)] },
        });
        Assert.Contains(SubscriptionsPage.AlreadyHave, lao.Find(".error-summary"), StringComparison.Ordinal);

        var mine = await Factory.WithDbAsync(db => db.Subscriptions.Select(s => s.Id).SingleAsync());
        var deu = await SignedInAsync(PortalRole.Member, "DEU");
        await deu.OpenAsync("/Account/Manage/Subscriptions");
        var response = await deu.PostAsync($"/Account/Manage/Subscriptions?handler=Remove&id={mine}", [new("__RequestVerificationToken", deu.Token())]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Subscriptions.CountAsync()));

        await lao.OpenAsync("/Account/Manage/Subscriptions");
        await lao.SubmitAsync("[data-testid=subscription] form");
        Assert.Equal("You have no subscriptions yet.", lao.Find("[data-testid=no-subscriptions]"));
    }

    [Fact]
    public async Task OneClickUnsubscribe_AMailProgramsPostToTheHeadersAddress_RemovesTheSubscription_AndNothingElseDoes()
    {
        var lao = await SignedInAsync(PortalRole.Member, "LAO");
        await SubscribeAsync(lao, [], [], [], nameof(DigestTiming.AtOnce));
        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var deu = await SignedInAsync(PortalRole.FocalPoint, "DEU");
        await deu.PublishAsync(Offer("Mine action grants", [], [nameof(Regions.Global)], Visibility.StatesOnly));
        Factory.Time.Advance(SubscriptionDigest.Settle);
        Assert.Equal(1, await SendDueAsync());
        var mail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, EmailOf(PortalRole.Member, "LAO")), m => m.Subject.Contains("new posting", StringComparison.Ordinal));
        var address = mail.ListUnsubscribe!.Trim('<', '>')["http://portal.test".Length..];

        // A mail program: no cookie, no antiforgery token, only RFC 8058's body.
        using var program = new Browser(Factory);
        Assert.Equal(HttpStatusCode.BadRequest, (await program.PostAsync(address, [new("List-Unsubscribe", "Other")])).StatusCode);
        var changed = address[..^3] + (address[^3] == 'A' ? "B" : "A") + address[^2..];
        Assert.Equal(HttpStatusCode.BadRequest, (await program.PostAsync(changed, [new("List-Unsubscribe", "One-Click")])).StatusCode);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Subscriptions.CountAsync()));
        // Opening the address changes nothing: it is the page, with its button.
        await program.OpenAsync(address);
        Assert.Equal("Stop these e-mails?", program.Find("h1"));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Subscriptions.CountAsync()));

        Assert.Equal(HttpStatusCode.OK, (await program.PostAsync(address, [new("List-Unsubscribe", "One-Click")])).StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Subscriptions.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await program.PostAsync(address, [new("List-Unsubscribe", "One-Click")])).StatusCode);
    }

    private static async Task SubscribeAsync(Browser browser, string[] kinds, string[] areas, string[] regions, string timing)
    {
        await browser.OpenAsync("/Account/Manage/Subscriptions");
        var response = await browser.SubmitAsync("form[action*=Add]", new FormFill
        {
            Values = new Dictionary<string, string> { ["Input.Timing"] = timing },
            Lists = new Dictionary<string, string[]> { ["Input.Kinds"] = kinds, ["Input.Areas"] = areas, ["Input.Regions"] = regions },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your subscription is saved.", browser.Text, StringComparison.Ordinal);
    }

    private Task<int> SendDueAsync() => Factory.WithServicesAsync(sp => sp.GetRequiredService<SubscriptionDigest>().SendDueAsync());

    private static string[] Titles(string body) =>
        [.. body.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal))
            .Select(l => l[2..l.LastIndexOf(" (", StringComparison.Ordinal)]).Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..])];

    private string EmailOf(PortalRole role, string participant) => emails[(role, participant)];

    private async Task<Browser> SignedInAsync(PortalRole role, string participant)
    {
        var account = await TestAccounts.CreateAsync(Factory, role, participant);
        emails[(role, participant)] = account.Email;
        var browser = new Browser(Factory);
        browsers.Add(browser);
        await browser.SignInAsync(Factory, account);
        return browser;
    }

    public override async Task DisposeAsync()
    {
        foreach (var browser in browsers)
        {
            browser.Dispose();
        }

        await base.DisposeAsync();
    }
}
