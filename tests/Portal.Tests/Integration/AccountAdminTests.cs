using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

public sealed class AccountAdminTests : PortalTest
{
    private TestAccount coordinator = null!;
    private Browser admin = null!;

    public override async Task InitializeAsync()
    {
        coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);
    }

    public override async Task DisposeAsync()
    {
        admin.Dispose();
        await base.DisposeAsync();
    }

    private Task<int> ParticipantAsync(string code) =>
        Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Invite_ASecondCoordinator_ReceivesAnInvitation()
    {
        var email = $"second.{Guid.NewGuid():N}@isu.test";
        await admin.OpenAsync("/Admin/Accounts");
        await admin.SubmitAsync("form[action*='handler=Invite'] button", new Dictionary<string, string>
        {
            ["Invite.Name"] = "Second Coordinator",
            ["Invite.Email"] = email,
            ["Invite.ParticipantId"] = (await ParticipantAsync("isu-test")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Invite.Role"] = "Coordinator",
        });
        Assert.Contains("has been invited", admin.Text, StringComparison.Ordinal);
        Assert.Contains("Invited, no password yet", admin.Text, StringComparison.Ordinal);
        var mail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, email));
        Assert.Contains("/Account/Invitation?token=", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCoordinatorCommand_CreatesAnInvitedCoordinatorOfTheIsu()
    {
        var email = $"first.{Guid.NewGuid():N}@isu.test";
        var exit = await Portal.Features.Accounts.CreateCoordinatorCommand.RunAsync(Factory.Services, ["create-coordinator", "First Coordinator", email]);
        Assert.Equal(0, exit);
        var user = await Factory.WithDbAsync(db => db.Users.Include(u => u.Participant).SingleAsync(u => u.Email == email));
        Assert.Equal(PortalRole.Coordinator, user.Role);
        Assert.Equal("isu", user.Participant!.Code);
        Assert.False(user.IsActivated);
        Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, email));
        Assert.Equal(2, await Portal.Features.Accounts.CreateCoordinatorCommand.RunAsync(Factory.Services, ["create-coordinator", "no e-mail"]));
    }

    [Fact]
    public async Task Invite_AStateOfficialAsCoordinator_IsRefusedWithAReason()
    {
        await admin.OpenAsync("/Admin/Accounts");
        await admin.SubmitAsync("form[action*='handler=Invite'] button", new Dictionary<string, string>
        {
            ["Invite.Name"] = "Not Coordinator",
            ["Invite.Email"] = "nc@example.test",
            ["Invite.ParticipantId"] = (await ParticipantAsync("LAO")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Invite.Role"] = "Coordinator",
        });
        Assert.Contains("Coordinator is not a role for someone of Lao", admin.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.False(await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "nc@example.test")));
    }

    [Fact]
    public async Task ChangeRole_EndsThePersonsSessions_AndTheNewRoleShows()
    {
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO");
        using var person = new Browser(Factory);
        await person.SignInAsync(Factory, member);
        Assert.Contains("Member", person.Find("[data-testid=who]"), StringComparison.Ordinal);

        await admin.OpenAsync("/Admin/Accounts");
        var row = admin.Page!.QuerySelectorAll("[data-testid=accounts] tbody tr").First(r => r.TextContent.Contains(member.Email, StringComparison.Ordinal));
        var action = row.QuerySelector("form[action*='handler=Role']")!.GetAttribute("action");
        await admin.SubmitAsync($"form[action='{action}'] button", new Dictionary<string, string> { ["role"] = "FocalPoint" });
        Assert.Contains("The role has been changed", admin.Text, StringComparison.Ordinal);

        Assert.Equal("/Entry", Browser.RedirectPath(await person.GetAsync("/")));
        await person.SignInAsync(Factory, member);
        Assert.Contains("Focal point", person.Find("[data-testid=who]"), StringComparison.Ordinal);
        Assert.Contains("AccountRoleChanged", await Factory.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task AccountsPage_OffersNoChangeOfTheCoordinatorsOwnAccount_AndDisablingAsALinkThatAsksFirst()
    {
        var other = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test");
        await admin.OpenAsync("/Admin/Accounts");

        var rows = admin.Page!.QuerySelectorAll("[data-testid=accounts] tbody tr").ToList();
        var own = Assert.Single(rows, r => r.TextContent.Contains(coordinator.Email, StringComparison.Ordinal));
        var colleague = Assert.Single(rows, r => r.TextContent.Contains(other.Email, StringComparison.Ordinal));
        Assert.Contains("Your own account", own.TextContent, StringComparison.Ordinal);
        Assert.Empty(own.QuerySelectorAll("form, a[href$='/Disable']"));
        Assert.Empty(admin.Page.QuerySelectorAll("[data-testid=accounts] .danger"));
        var disable = Assert.Single(colleague.QuerySelectorAll("a[href$='/Disable']"));
        Assert.Equal("Disable the account of Test Coordinator", disable.TextContent.Trim());
        Assert.Equal("Status", admin.Page.QuerySelectorAll("[data-testid=accounts] th")[3].TextContent);
    }

    [Fact]
    public async Task TheLastActiveCoordinator_CanBeNeitherDisabledNorGivenAnotherRole()
    {
        var id = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == coordinator.Email).Select(u => u.Id).SingleAsync());
        // A coordinator acting on someone else's account: their own is refused for being their own.
        var another = new Reader(coordinator.ParticipantId, false, true, PortalRole.Coordinator, IsAccount: true, "another-coordinator");
        var (disable, demote) = await Factory.WithServicesAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountAdmin>();
            return (await accounts.SetDisabledAsync(another, id, disabled: true), await accounts.ChangeRoleAsync(another, id, PortalRole.Observer));
        });

        Assert.Equal("This is the only active coordinator: the portal needs one. Invite another coordinator first.", disable);
        Assert.Equal(disable, demote);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Users.CountAsync(u => u.Role == PortalRole.Coordinator && !u.IsDisabled)));

        // With a second active coordinator, either may be disabled by the other.
        await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test");
        Assert.Null(await Factory.WithServicesAsync(sp => sp.GetRequiredService<AccountAdmin>().SetDisabledAsync(another, id, disabled: true)));
    }
}
