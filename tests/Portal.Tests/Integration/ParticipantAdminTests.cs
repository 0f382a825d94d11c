using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>The coordinator finds a participant in a short list and changes it on its own page.</summary>
public sealed class ParticipantAdminTests : PortalTest
{
    private Browser admin = null!;

    public override async Task InitializeAsync()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);
    }

    public override async Task DisposeAsync()
    {
        admin.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task List_HoldsNoForms_AndFindsAStateWithoutItsAccents()
    {
        await admin.OpenAsync("/Admin/Participants");
        Assert.Empty(admin.Page!.QuerySelectorAll("[data-testid=participants] form, [data-testid=participants] select"));

        await admin.OpenAsync("/Admin/Participants?q=cote d");
        var link = Assert.Single(admin.Page!.QuerySelectorAll("[data-testid=participants] tbody a"));
        Assert.Equal("/Admin/Participants/CIV", link.GetAttribute("href"));
        Assert.Equal("1 participant matches “cote d”.", admin.Find("[data-testid=count]"));
    }

    [Fact]
    public async Task StatePage_ChangesTheCcmStatus_AndSaysSo()
    {
        await admin.OpenAsync("/Admin/Participants/GHA");
        await admin.SubmitAsync("form.stack button", new Dictionary<string, string> { ["Input.Status"] = "Signatory" });

        Assert.Equal("/Admin/Participants", admin.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("Ghana is now recorded as Signatory.", admin.Find("[role=status]"));
        Assert.Equal(CcmStatus.Signatory, await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "GHA").Select(p => p.CcmStatus).SingleAsync()));
    }

    [Fact]
    public async Task OrganisationPage_LetsItPublish_AndRefusesAnEmptyName()
    {
        await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-later");
        await admin.OpenAsync("/Admin/Participants/ngo-later");
        await admin.SubmitAsync("form.stack button", new Dictionary<string, string> { ["Input.Name"] = " " });
        Assert.Contains("Enter the organisation's name.", admin.Find("[data-testid=errors]"), StringComparison.Ordinal);

        await admin.SubmitAsync("form.stack button", new Dictionary<string, string> { ["Input.Name"] = "Later Relief", ["Input.MayPublish"] = "true", ["Input.Kind"] = "Ngo" });

        Assert.Equal("The changes to Later Relief are saved.", admin.Find("[role=status]"));
        var saved = await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "ngo-later").Select(p => new { p.Name, p.MayPublish }).SingleAsync());
        Assert.Equal(("Later Relief", true), (saved.Name, saved.MayPublish));
        Assert.Contains("ParticipantChanged", await Factory.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task AParticipantThatDoesNotExist_IsNotFound()
    {
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Participants/nope")).StatusCode);
    }
}
