using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// A focal point acts only on their own State's people, never on a coordinator, and never makes one: another
/// participant's people answer 404 on every page and form, GET and POST; members, observers and organisations' focal
/// points are told who manages people; the commands refuse on their own, whatever page calls them.
/// </summary>
public sealed class PeopleAccessTests : PortalTest
{
    [Fact]
    public async Task FocalPoint_GetsNotFound_ForEveryPageAndFormOfAnotherParticipantsPeople_AndChangesNothing()
    {
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var lebanese = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LBN");
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test");
        var invited = await InvitedAsync("LBN", "Invited Lebanese");
        var disabled = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "IRQ");
        var disabledId = await IdOfAsync(disabled.Email);
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == disabledId).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true)));
        var (lbn, coord) = (await IdOfAsync(lebanese.Email), await IdOfAsync(coordinator.Email));

        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, focal);
        await browser.OpenAsync("/People/LAO");
        var token = browser.Token();

        string[] pages =
        [
            "/People/LBN", "/People/LBN/Invite", $"/People/LBN/{lbn}/Disable", $"/People/LBN/{lbn}/Role", $"/People/LBN/{invited}/Cancel",
            $"/People/LBN/{invited}/Invited", "/People/isu-test", $"/People/isu-test/{coord}/Disable", $"/People/isu-test/{coord}/Role",
            // Another State's person under the focal point's own State: the account decides, not the address.
            $"/People/LAO/{lbn}/Disable", $"/People/LAO/{lbn}/Role", $"/People/LAO/{invited}/Cancel", $"/People/LAO/{invited}/Invited",
            $"/People/LAO/{coord}/Disable", $"/People/LAO/nobody/Disable",
        ];
        foreach (var page in pages)
        {
            Assert.True((await browser.GetAsync(page)).StatusCode == HttpStatusCode.NotFound, page);
        }

        (string Url, KeyValuePair<string, string>[] Fields)[] posts =
        [
            ("/People/LBN/Invite", [new("Input.Name", "Planted Person"), new("Input.Email", "planted@example.test"), new("Input.Role", "FocalPoint")]),
            ($"/People/LBN/{lbn}/Disable", []),
            ($"/People/LAO/{lbn}/Disable", []),
            ($"/People/isu-test/{coord}/Disable", []),
            ($"/People/LAO/{coord}/Disable", []),
            ($"/People/LBN/{lbn}/Role", [new("Input.Role", "FocalPoint")]),
            ($"/People/LBN/{invited}/Cancel", []),
            ($"/People/LBN?handler=Resend&id={invited}", []),
            ($"/People/LAO?handler=Resend&id={invited}", []),
            ($"/People/IRQ?handler=Enable&id={disabledId}", []),
            ($"/People/LAO?handler=Enable&id={disabledId}", []),
        ];
        foreach (var (url, fields) in posts)
        {
            var response = await browser.PostAsync(url, fields.Prepend(new("__RequestVerificationToken", token)));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, url);
        }

        await Factory.WithDbAsync(async db =>
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == "planted@example.test"));
            Assert.True(await db.Users.AnyAsync(u => u.Id == lbn && !u.IsDisabled && u.Role == PortalRole.Member));
            Assert.True(await db.Users.AnyAsync(u => u.Id == coord && !u.IsDisabled));
            Assert.True(await db.Users.AnyAsync(u => u.Id == invited && !u.IsActivated));
            Assert.True(await db.Users.AnyAsync(u => u.Id == disabledId && u.IsDisabled));
            Assert.Equal(1, await db.AccountTokens.CountAsync(t => t.UserId == invited));
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Action.StartsWith("Account") && a.Actor.Contains(focal.Email)));
            return 0;
        });

        // Their own list shows their own State's people only.
        await browser.OpenAsync("/People/LAO");
        Assert.DoesNotContain(lebanese.Email, browser.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(coordinator.Email, browser.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FocalPoint_CannotMakeACoordinator_NorAnObserver_WithATamperedForm()
    {
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO");
        var memberId = await IdOfAsync(member.Email);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, focal);
        await browser.OpenAsync("/People/LAO/Invite");
        Assert.Equal(["Member", "FocalPoint"], browser.Page!.QuerySelectorAll("input[name='Input.Role']").Select(i => i.GetAttribute("value")));

        foreach (var role in new[] { "Coordinator", "Observer", "3", "coordinator", "Coordinator,Member" })
        {
            var email = $"forged.{Guid.NewGuid():N}@example.test";
            await browser.PostAsync("/People/LAO/Invite",
                [new("__RequestVerificationToken", browser.Token()), new("Input.Name", "Forged"), new("Input.Email", email), new("Input.Role", role)]);
            Assert.Equal(HttpStatusCode.OK, browser.LastResponse!.StatusCode);
            Assert.Contains("Choose the person's role.", browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
            Assert.False(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

            await browser.OpenAsync($"/People/LAO/{memberId}/Role");
            await browser.PostAsync($"/People/LAO/{memberId}/Role", [new("__RequestVerificationToken", browser.Token()), new("Input.Role", role)]);
            Assert.Contains("Choose the person's role.", browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
        }

        Assert.Equal(PortalRole.Member, await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.Role).SingleAsync()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Users.CountAsync(u => u.Role == PortalRole.Coordinator)));
    }

    [Fact]
    public async Task Commands_CheckTheRightThemselves_WhicheverPageCallsThem()
    {
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO");
        var lebanese = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LBN");
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test");
        var invited = await InvitedAsync("LBN", "Invited Lebanese");
        var (focalId, laoId, lbnId, coordId) = (await IdOfAsync(focal.Email), await IdOfAsync(lao.Email), await IdOfAsync(lebanese.Email), await IdOfAsync(coordinator.Email));
        var actor = new Reader(focal.ParticipantId, ParticipantIsState: true, false, PortalRole.FocalPoint, IsAccount: true, focalId);
        var member = actor with { Role = PortalRole.Member, UserId = laoId };
        var byCode = actor with { IsAccount = false, UserId = null };

        var answers = await Factory.WithServicesAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountAdmin>();
            var invitations = sp.GetRequiredService<AccountInvitations>();
            var db = sp.GetRequiredService<PortalDbContext>();
            var lbnState = await db.Participants.SingleAsync(p => p.Code == "LBN");
            var laoState = await db.Participants.SingleAsync(p => p.Code == "LAO");
            return new List<string?>
            {
                (await invitations.InviteAsync(actor, "Planted", "planted@example.test", null, lbnState, PortalRole.Member)).Error,
                (await invitations.InviteAsync(actor, "Forged", "forged@example.test", null, laoState, PortalRole.Coordinator)).Error,
                (await invitations.InviteAsync(member, "By a member", "member@example.test", null, laoState, PortalRole.Member)).Error,
                (await invitations.InviteAsync(byCode, "By a code", "code@example.test", null, laoState, PortalRole.Member)).Error,
                await accounts.SetDisabledAsync(actor, lbnId, disabled: true),
                await accounts.SetDisabledAsync(actor, coordId, disabled: true),
                await accounts.SetDisabledAsync(member, focalId, disabled: true),
                await accounts.ChangeRoleAsync(actor, lbnId, PortalRole.FocalPoint),
                await accounts.ChangeRoleAsync(actor, laoId, PortalRole.Coordinator),
                await invitations.ResendInvitationAsync(actor, invited),
                await invitations.CancelInvitationAsync(actor, invited),
            };
        });

        Assert.Equal(
        [
            "You do not manage the people of Lebanon.",
            "Coordinator is not a role for someone of Lao People's Democratic Republic.",
            "You do not manage the people of Lao People's Democratic Republic.",
            "You do not manage the people of Lao People's Democratic Republic.",
            AccountAdmin.NoSuchAccount,
            AccountAdmin.NoSuchAccount,
            AccountAdmin.NoSuchAccount,
            AccountAdmin.NoSuchAccount,
            "Coordinator is not a role for someone of Lao People's Democratic Republic.",
            "This account has already been activated or no longer exists.",
            AccountAdmin.NoSuchAccount,
        ], answers);
        await Factory.WithDbAsync(async db =>
        {
            Assert.Equal(5, await db.Users.CountAsync());
            Assert.False(await db.Users.AnyAsync(u => u.IsDisabled));
            Assert.Equal(PortalRole.Member, await db.Users.Where(u => u.Id == laoId).Select(u => u.Role).SingleAsync());
            Assert.Equal(1, await db.AccountTokens.CountAsync(t => t.UserId == invited));
            return 0;
        });
    }

    [Fact]
    public async Task Members_Observers_AndOrganisationsFocalPoints_AreToldWhoManagesPeople_AndGetNotFoundForTheLists()
    {
        var cases = new (PortalRole Role, string Participant, string Sentence)[]
        {
            (PortalRole.Member, "LAO", "Your account lets you read for Lao People's Democratic Republic."),
            (PortalRole.Observer, "ngo-watch", "The coordinator manages the accounts of Organisation ngo-watch."),
            (PortalRole.FocalPoint, "ngo-publishes", "The coordinator manages the accounts of Organisation ngo-publishes."),
        };
        foreach (var (role, participant, sentence) in cases)
        {
            var account = await TestAccounts.CreateAsync(Factory, role, participant);
            using var browser = new Browser(Factory);
            await browser.SignInAsync(Factory, account);
            Assert.Null(browser.Page!.QuerySelector("[data-testid=people-card]"));

            await browser.OpenAsync("/People");
            Assert.Equal(HttpStatusCode.Forbidden, browser.LastResponse!.StatusCode);
            Assert.Equal("People are managed by focal points", browser.Find("h1"));
            Assert.Contains(sentence, browser.Text, StringComparison.Ordinal);

            var token = browser.Token();
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/People/{participant}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/People/{participant}/Invite")).StatusCode);
            var email = $"by.{role}.{Guid.NewGuid():N}@example.test";
            var post = await browser.PostAsync($"/People/{participant}/Invite",
                [new("__RequestVerificationToken", token), new("Input.Name", "Someone"), new("Input.Email", email), new("Input.Role", "Member")]);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            Assert.False(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        }
    }

    [Fact]
    public async Task FocalPoint_OpeningPeople_GoesToTheirOwnState_AndTheCoordinatorToEveryAccount()
    {
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LBN");
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, focal);
        Assert.Equal("/People/LBN", (await browser.GetAsync("/People")).Headers.Location!.OriginalString);

        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        using var admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);
        Assert.Equal("/Admin/Accounts", (await admin.GetAsync("/People")).Headers.Location!.OriginalString);
        // The coordinator may do everything, so a State's list opens for them too.
        await admin.OpenAsync("/People/LBN");
        Assert.Equal("People of Lebanon", admin.Find("h1"));
        Assert.Contains(focal.Email, admin.Text, StringComparison.Ordinal);
    }

    private async Task<string> InvitedAsync(string participantCode, string name)
    {
        var email = $"invited.{Guid.NewGuid():N}@example.test";
        await Factory.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var participant = await db.Participants.SingleAsync(p => p.Code == participantCode);
            var isu = new Reader(participant.Id, false, true, PortalRole.Coordinator, IsAccount: true, "coordinator");
            var (error, _) = await sp.GetRequiredService<AccountInvitations>().InviteAsync(isu, name, email, null, participant, PortalRole.Member);
            Assert.Null(error);
            return 0;
        });
        return await IdOfAsync(email);
    }

    private Task<string> IdOfAsync(string email) =>
        Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
