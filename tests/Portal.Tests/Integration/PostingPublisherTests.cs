using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// A posting's public contact is its contact point; the e-mail address of the person who published it is theirs,
/// shown only to the coordinator and to the owner's accounts.
/// </summary>
public sealed class PostingPublisherTests : PortalTest
{
    private const string PublisherEmail = "souksavanh.publisher@lao.example.test";

    [Fact]
    public async Task PublisherEmail_IsShownToTheCoordinatorAndTheOwnersAccounts_AndToNoOtherReader()
    {
        var publisher = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO", email: PublisherEmail);
        var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, publisher);
        var id = await owner.PublishAsync(new PostingSteps.Draft { ContactPoint = "Programme officer, desk@authority.test" });
        // A second version, so that the history lists more than one author line.
        await owner.OpenAsync($"/Postings/{id}/Edit");
        await owner.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.Body"] = "## What is needed\n\nVehicles too.\n" });

        var readers = new (string Who, Browser Browser, bool SeesEmail)[]
        {
            ("an observer-code session", await EnterWithCodeAsync(CodeAudience.Observers, "ngo-watch"), false),
            ("a States-code session declaring the owner", await EnterWithCodeAsync(CodeAudience.States, "LAO"), false),
            ("a member of another State", await SignInAsync(PortalRole.Member, "CHE"), false),
            ("an observer account", await SignInAsync(PortalRole.Observer, "ngo-watch"), false),
            ("the coordinator", await SignInAsync(PortalRole.Coordinator, "isu-test", twoFactor: true), true),
            ("another account of the owner", await SignInAsync(PortalRole.Member, "LAO"), true),
            ("the publisher", owner, true),
        };

        foreach (var (who, browser, seesEmail) in readers)
        {
            await browser.OpenAsync($"/Postings/{id}");
            var provenance = browser.Find("footer.provenance") ?? "";
            Assert.Contains("by Test FocalPoint", provenance, StringComparison.Ordinal);
            Assert.True(seesEmail == Html(browser).Contains(PublisherEmail, StringComparison.Ordinal), $"posting page, {who}");
            // The contact point is public, for everyone.
            Assert.Equal("mailto:desk@authority.test", browser.Page!.QuerySelector("[data-testid=contact-point] a")?.GetAttribute("href"));

            await browser.OpenAsync($"/Postings/{id}/Versions");
            var author = seesEmail ? $"Test FocalPoint <{PublisherEmail}>" : "Test FocalPoint";
            Assert.Equal([author, author], browser.Page!.QuerySelectorAll("tbody tr td:nth-child(3) bdi").Select(b => b.TextContent));
            Assert.True(seesEmail == Html(browser).Contains(PublisherEmail, StringComparison.Ordinal), $"versions page, {who}");

            // The canonical text, which the fingerprint is taken over, names no person at all.
            var canonical = await (await browser.GetAsync($"/Postings/{id}/Versions?handler=Canonical&v=2")).Content.ReadAsStringAsync();
            Assert.Contains("\"contactPoint\": \"Programme officer, desk@authority.test\"", canonical, StringComparison.Ordinal);
            Assert.DoesNotContain(PublisherEmail, canonical, StringComparison.Ordinal);
            Assert.DoesNotContain("Test FocalPoint", canonical, StringComparison.Ordinal);
        }

        foreach (var (_, browser, _) in readers)
        {
            browser.Dispose();
        }
    }

    [Fact]
    public async Task PostingPublishedByTheCoordinatorOnBehalf_ShowsTheCoordinatorsEmail_OnlyToCoordinatorAndOwner()
    {
        var coordinatorAccount = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true, email: PublisherEmail);
        using var coordinator = new Browser(Factory);
        await coordinator.SignInAsync(Factory, coordinatorAccount);
        var id = await coordinator.PublishAsync(new PostingSteps.Draft { For = "LAO", SenderEmail = "desk@mission-lao.example.test" });

        using var owner = await SignInAsync(PortalRole.FocalPoint, "LAO");
        using var otherState = await SignInAsync(PortalRole.Member, "CHE");
        foreach (var (browser, seesEmail) in new[] { (coordinator, true), (owner, true), (otherState, false) })
        {
            await browser.OpenAsync($"/Postings/{id}");
            Assert.Contains("on behalf of Lao People's Democratic Republic", browser.Find("footer.provenance") ?? "", StringComparison.Ordinal);
            Assert.Equal(seesEmail, Html(browser).Contains(PublisherEmail, StringComparison.Ordinal));
            await browser.OpenAsync($"/Postings/{id}/Versions");
            Assert.Equal(seesEmail, Html(browser).Contains(PublisherEmail, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ContactPoint_LinksItsEmailAddressAndHttpsUrl_AndKeepsEverythingElseAsText()
    {
        const string contact = "Jane Doe, programme officer (victim assistance)\n"
            + "Phone +856 21 123 456\n"
            + "E-mail: desk@authority.test.\n"
            + "Forms: https://authority.test/contact?topic=va&lang=en, or on paper.\n"
            + "Not linked: http://authority.test/plain javascript:alert(1) www.authority.test ftp://files.test <b>bold</b>\n"
            + "https://authority.test/\"onmouseover=\"alert(1) desk@authority.test\"onclick=\"alert(1)";
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, focal);
        var id = await owner.PublishAsync(new PostingSteps.Draft { ContactPoint = contact });

        using var reader = await EnterWithCodeAsync(CodeAudience.Observers, "ngo-watch");
        await reader.OpenAsync($"/Postings/{id}");
        var contactPoint = reader.Page!.QuerySelector("[data-testid=contact-point]")!;
        // Exactly the text typed, line breaks included, with two parts of it as links and nothing else as markup.
        Assert.Equal(contact, contactPoint.TextContent);
        Assert.Equal(["a", "a"], contactPoint.Children.Select(c => c.LocalName));
        Assert.Equal(
            ["mailto:desk@authority.test|desk@authority.test", "https://authority.test/contact?topic=va&lang=en|https://authority.test/contact?topic=va&lang=en"],
            contactPoint.Children.Select(a => a.GetAttribute("href") + "|" + a.TextContent));
        Assert.All(contactPoint.Children, a => Assert.Equal(["href", "rel"], a.Attributes.Select(x => x.Name)));
        HostileInput.AssertInert(reader.MainElement());
    }

    private static string Html(Browser browser) => browser.Page!.DocumentElement.OuterHtml;

    private async Task<Browser> SignInAsync(PortalRole role, string participantCode, bool twoFactor = false)
    {
        var account = await TestAccounts.CreateAsync(Factory, role, participantCode, twoFactor);
        var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        return browser;
    }

    private async Task<Browser> EnterWithCodeAsync(CodeAudience audience, string participantCode)
    {
        var code = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(audience, "test"));
        var participant = await Factory.WithDbAsync(async db =>
        {
            if (await db.Participants.SingleOrDefaultAsync(p => p.Code == participantCode) is not { } found)
            {
                found = new Participant { Code = participantCode, Name = "Organisation " + participantCode, Kind = ParticipantKind.Ngo };
                db.Participants.Add(found);
                await db.SaveChangesAsync();
            }

            return found.Id;
        });
        var browser = new Browser(Factory);
        await browser.OpenAsync("/Entry");
        await browser.SubmitAsync("form[method=post]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Visiting reader",
            ["Input.Email"] = "visitor@mission.test",
            ["Input.ParticipantId"] = participant.ToString(CultureInfo.InvariantCulture),
            ["Input.Code"] = code,
        });
        Assert.Contains("read-only", browser.Find("[data-testid=who]") ?? "", StringComparison.Ordinal);
        return browser;
    }
}
