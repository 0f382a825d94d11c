using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Features.Subscriptions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// What a code holder does without an account, through the links in their e-mails: subscribes to new postings (and
/// hears only of what their code opens), and confirms once a year that they still need access. Revoking or dropping
/// a holder ends both. Real pages, the real SMTP sink, a fake clock.
/// </summary>
public sealed class CodeHolderTests : PortalTest
{
    private const string Ngo = "ngo-holder-subs";

    private TestAccount coordinator = null!;

    public override async Task InitializeAsync()
    {
        coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        await TestAccounts.CreateAsync(Factory, PortalRole.Observer, Ngo);
    }

    [Fact]
    public async Task AHolder_SubscribesFromTheLinkInTheirCodeEmail_HearsOnlyOfWhatTheirCodeOpens_AndRevokingEndsBoth()
    {
        var email = await AccessSteps.RequestAccessAsync(Factory, Ngo, $"ngo.reader.{Guid.NewGuid():N}@example.test");
        await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.Observers, "test"));
        using var admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);
        await AccessSteps.SendCodeAsync(Factory, admin, email);
        var codeMail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, email), m => m.Subject.Contains("entry code", StringComparison.Ordinal));
        var link = Mailbox.LinkIn(codeMail, "/Holder/Subscriptions?token=");

        // Signed out, from the link: the holder's own page, which names no address.
        using var holder = new Browser(Factory);
        await holder.OpenAsync(link);
        Assert.Equal("E-mails about new postings", holder.Find("h1"));
        Assert.Contains("You receive the entry code for observers.", holder.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(email, holder.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("You have no subscriptions yet.", holder.Find("[data-testid=no-subscriptions]"));
        await holder.SubmitAsync("form[action*=Add]", new FormFill
        {
            Values = new Dictionary<string, string> { ["Input.Timing"] = nameof(DigestTiming.AtOnce) },
            Lists = new Dictionary<string, string[]> { ["Input.Kinds"] = [nameof(PostingKinds.Offers)] },
        });
        Assert.Contains("Your subscription is saved.", holder.Find("[role=status]"), StringComparison.Ordinal);
        Assert.Single(holder.Page!.QuerySelectorAll("[data-testid=subscription]"));
        // The same checks as an account's page.
        await holder.SubmitAsync("form[action*=Add]", new FormFill
        {
            Values = new Dictionary<string, string> { ["Input.Timing"] = nameof(DigestTiming.Weekly) },
            Lists = new Dictionary<string, string[]> { ["Input.Kinds"] = [nameof(PostingKinds.Offers)] },
        });
        Assert.Contains(SubscriptionsPage.AlreadyHave, holder.Find(".error-summary"), StringComparison.Ordinal);

        // A State publishes one offer for States only and one open to observers: the holder, reading as the observers'
        // code does, hears of the second only.
        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var deu = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "DEU");
        using (var publisher = new Browser(Factory))
        {
            await publisher.SignInAsync(Factory, deu);
            await publisher.PublishAsync(new PostingSteps.Draft { Kind = PostingKind.Offer, Title = "Grants for States only", Visibility = Visibility.StatesOnly });
            await publisher.PublishAsync(new PostingSteps.Draft { Kind = PostingKind.Offer, Title = "Training open to all", Visibility = Visibility.StatesAndObservers });
        }

        Factory.Time.Advance(SubscriptionDigest.Settle);
        await Factory.WithServicesAsync(sp => sp.GetRequiredService<SubscriptionDigest>().SendDueAsync());
        var digest = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, email), m => m.Subject.Contains("new posting", StringComparison.Ordinal));
        Assert.Contains("Training open to all", digest.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Grants for States only", digest.Body, StringComparison.Ordinal);
        Assert.Contains("Dear Amina Diallo", digest.Body, StringComparison.Ordinal);
        // Its links: the holder's page again (no sign-in), and one that stops this subscription.
        Assert.DoesNotContain("/Account/Manage/Subscriptions", digest.Body, StringComparison.Ordinal);
        await holder.OpenAsync(Mailbox.LinkIn(digest, "/Holder/Subscriptions?token="));
        Assert.Single(holder.Page!.QuerySelectorAll("[data-testid=subscription]"));
        Assert.NotNull(digest.ListUnsubscribe);

        // A changed link opens nothing, and says nothing.
        await holder.OpenAsync(link[..^4] + "AAAA");
        Assert.Equal("This link no longer works", holder.Find("h1"));
        Assert.Empty(holder.Page!.QuerySelectorAll("form[action*=Add]"));

        // The coordinator revokes the holder: the subscription goes with the holding, and the link opens nothing.
        var holderId = await Factory.WithDbAsync(db => db.CodeHolders.Where(h => h.Email == email).Select(h => h.Id).SingleAsync());
        await admin.OpenAsync("/Admin/CodeHolders");
        await admin.SubmitAsync($"#holder-{holderId} form[action*='handler=Revoke'] button");
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Subscriptions.CountAsync(s => s.CodeHolderId == holderId)));
        await holder.OpenAsync(link);
        Assert.Equal("This link no longer works", holder.Find("h1"));
        var post = await holder.PostAsync("/Holder/Subscriptions?handler=Add", [new("token", Uri.UnescapeDataString(link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..])), new("Input.Timing", "AtOnce")]);
        Assert.NotEqual(System.Net.HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Subscriptions.CountAsync(s => s.CodeHolderId == holderId)));
    }

    [Fact]
    public async Task YearlyCheck_AHolderWhoConfirmsKeepsReceivingCodes_OneWhoDoesNotIsDropped_AndTheLinkRejectsTamperingAndExpires()
    {
        var keeps = await AccessSteps.RequestAccessAsync(Factory, "IRQ", $"keeps.{Guid.NewGuid():N}@example.test", "Karim Aziz");
        var silent = await AccessSteps.RequestAccessAsync(Factory, "LAO", $"silent.{Guid.NewGuid():N}@example.test", "Somchai Vong");
        await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));
        using var admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);
        await AccessSteps.SendCodeAsync(Factory, admin, keeps);
        await AccessSteps.SendCodeAsync(Factory, admin, silent);

        // Nothing is asked within the year.
        Factory.Time.Advance(CodeHolders.ConfirmEvery - TimeSpan.FromDays(1));
        await ReviewAsync();
        Assert.DoesNotContain(await Mailbox.DeliverAndReadAsync(Factory, keeps), m => m.Subject.Contains("still need", StringComparison.Ordinal));

        Factory.Time.Advance(TimeSpan.FromDays(1));
        await ReviewAsync();
        var question = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, keeps), m => m.Subject.Contains("still need", StringComparison.Ordinal));
        Assert.Equal("Do you still need the entry code for the CCM Cooperation Portal?", question.Subject);
        Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, silent), m => m.Subject.Contains("still need", StringComparison.Ordinal));
        var link = Mailbox.LinkIn(question, "/Holder/Confirm?token=");
        // A year on, the coordinator signs in again.
        using var later = new Browser(Factory);
        await later.SignInAsync(Factory, coordinator);
        await later.OpenAsync("/Admin/CodeHolders");
        Assert.All(later.Page!.QuerySelectorAll("[data-testid=check]"), c => Assert.Contains("if they do not answer", c.TextContent, StringComparison.Ordinal));

        // Signed out: opening the link changes nothing (mail scanners open links); a changed link is refused; the button confirms.
        using var person = new Browser(Factory);
        await person.OpenAsync(link);
        Assert.Equal("Do you still need access?", person.Find("h1"));
        var keepsId = await Factory.WithDbAsync(db => db.CodeHolders.Where(h => h.Email == keeps).Select(h => h.Id).SingleAsync());
        Assert.NotNull(await Factory.WithDbAsync(db => db.CodeHolders.Where(h => h.Id == keepsId).Select(h => h.ConfirmationAskedAt).SingleAsync()));
        await person.OpenAsync(link.Replace("token=", "token=x", StringComparison.Ordinal));
        Assert.Equal("This link no longer works", person.Find("h1"));
        // A link of another purpose (the same holder's subscriptions link, which opens its own page) does not confirm.
        var subscriptions = Factory.Services.GetRequiredService<CodeHolderLinks>().SubscriptionsPath(keepsId);
        await person.OpenAsync(subscriptions);
        Assert.Equal("E-mails about new postings", person.Find("h1"));
        await person.OpenAsync("/Holder/Confirm" + subscriptions[subscriptions.IndexOf('?', StringComparison.Ordinal)..]);
        Assert.Equal("This link no longer works", person.Find("h1"));
        await person.OpenAsync(link);
        await person.SubmitAsync("form[method=post]");
        Assert.Equal("You will keep receiving the entry code", person.Find("[data-testid=confirmed] h1"));

        // The grace period passes: the silent holder is dropped, with the reason, and the link of the question has expired.
        Factory.Time.Advance(CodeHolders.Grace + TimeSpan.FromMinutes(1));
        await ReviewAsync();
        await person.OpenAsync(link);
        Assert.Equal("This link no longer works", person.Find("h1"));
        var holders = await Factory.WithDbAsync(db => db.CodeHolders.AsNoTracking().ToListAsync());
        Assert.Null(holders.Single(h => h.Email == keeps).RevokedAt);
        var dropped = holders.Single(h => h.Email == silent);
        Assert.Equal(CodeHolders.DroppedUnconfirmed, dropped.RevokedReason);
        using var afterGrace = new Browser(Factory);
        await afterGrace.SignInAsync(Factory, coordinator);
        await afterGrace.OpenAsync("/Admin/CodeHolders");
        Assert.Contains(keeps, Assert.Single(afterGrace.Page!.QuerySelectorAll("[data-testid=holder]")).TextContent, StringComparison.Ordinal);
        var former = Assert.Single(afterGrace.Page!.QuerySelectorAll("[data-testid=former-holder]"));
        Assert.Contains(silent, former.TextContent, StringComparison.Ordinal);
        Assert.Equal(CodeHolders.DroppedUnconfirmed, former.QuerySelector("[data-testid=why]")!.TextContent);
        Assert.Contains("by the portal", former.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "CodeHolderDropped" && a.Detail!.Contains(silent))));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "CodeHolderConfirmed" && a.Detail!.Contains(keeps))));

        // The next code reaches the holder who confirmed, not the one dropped.
        var silentBefore = (await Mailbox.DeliverAndReadAsync(Factory, silent)).Count;
        var next = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));
        var latest = (await Mailbox.DeliverAndReadAsync(Factory, keeps)).Last(m => m.Subject.StartsWith("New entry code", StringComparison.Ordinal));
        Assert.Contains(next, latest.Body, StringComparison.Ordinal);
        Assert.Equal(silentBefore, (await Mailbox.DeliverAndReadAsync(Factory, silent)).Count);

        // The one who confirmed is asked again a year after confirming, not before.
        Factory.Time.Advance(CodeHolders.ConfirmEvery - CodeHolders.Grace - TimeSpan.FromDays(1));
        await ReviewAsync();
        Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, keeps), m => m.Subject.Contains("still need", StringComparison.Ordinal));
        Factory.Time.Advance(TimeSpan.FromDays(2));
        await ReviewAsync();
        Assert.Equal(2, (await Mailbox.DeliverAndReadAsync(Factory, keeps)).Count(m => m.Subject.Contains("still need", StringComparison.Ordinal)));
    }

    /// <summary>The yearly check as the background job runs it (which may run it too: claims make that harmless).</summary>
    private Task ReviewAsync() => Factory.WithServicesAsync(sp => sp.GetRequiredService<CodeHolders>().ReviewAsync());
}
