using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Access;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Words a person reads where the pages used to show codes or broken phrases.</summary>
public sealed class WordingTests : PortalTest
{
    [Fact]
    public async Task ImportKinds_ReadAsPhrases_WithTheRightArticle()
    {
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, focal);
        await browser.OpenAsync("/Postings/Import");

        var kinds = browser.Page!.QuerySelectorAll("#Input_Kind label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["a need", "an offer", "an experience"], kinds);
    }

    [Fact]
    public async Task DecidedRequests_SayWhatBecameOfThem_InWords()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        var lbn = await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "LBN").Select(p => p.Id).SingleAsync());
        await Factory.WithServicesAsync(async sp =>
        {
            var requests = sp.GetRequiredService<AccessRequests>();
            var invited = await requests.SubmitAsync("Amina Diallo", "amina@ministry.test", lbn, "Attaché", null, "10.1.1.1");
            var rejected = await requests.SubmitAsync("Not Known", "nk@example.test", lbn, "Unknown", null, "10.1.1.2");
            var isu = new Reader(coordinator.ParticipantId, false, true, PortalRole.Coordinator, IsAccount: true, "coordinator");
            await requests.InviteAsync(isu, invited!.Id, PortalRole.FocalPoint);
            return await requests.RejectAsync(rejected!.Id, "Not accredited to the mission.");
        });
        using var admin = new Browser(Factory);
        await admin.SignInAsync(Factory, coordinator);
        await admin.OpenAsync("/Admin/Requests");

        var outcomes = admin.Page!.QuerySelectorAll("#h-decided + .table-wrap tbody td:nth-child(4)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("Invited as focal point", outcomes);
        Assert.Contains("Rejected: Not accredited to the mission.", outcomes);
    }
}
