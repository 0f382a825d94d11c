using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>A reader who may not publish and opens a publishing page is told why and what would let them, not "page not found".</summary>
public sealed class WhoPublishesTests : PortalTest
{
    private static readonly string[] PublishingPages = ["/Postings/New", "/Postings/New?kind=Offer", "/Postings/Mine", "/Postings/Import"];

    [Fact]
    public async Task EntryCodeReader_IsToldTheCodeOnlyReads_AndHowToGetAnAccount()
    {
        var code = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));
        var lao = await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "LAO").Select(p => p.Id).SingleAsync());
        using var reader = new Browser(Factory);
        await reader.OpenAsync("/Entry");
        await reader.SubmitAsync("form[method=post]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Visiting delegate",
            ["Input.Email"] = "delegate@ministry.test",
            ["Input.ParticipantId"] = lao.ToString(CultureInfo.InvariantCulture),
            ["Input.Code"] = code,
        });

        await AssertToldAsync(reader, "You are reading the portal with an entry code, which lets you read only.");
        Assert.NotNull(reader.Page!.QuerySelector("main a[href='/Access/Request']"));

        // A crafted POST is sent the same way, and publishes nothing.
        var post = await reader.PostAsync("/Postings/New", [new("__RequestVerificationToken", reader.Token()), new("Input.Title", "Not mine to publish")]);
        Assert.Equal("/Postings/WhoPublishes", Browser.RedirectPath(post));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Postings.CountAsync()));
    }

    [Fact]
    public async Task MemberAccount_IsToldItsFocalPointsPublish()
    {
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO");
        using var reader = new Browser(Factory);
        await reader.SignInAsync(Factory, member);

        await AssertToldAsync(reader, $"Your account lets you read for {member.ParticipantName}.");
    }

    [Fact]
    public async Task FocalPointOfAnOrganisationThatDoesNotPublish_IsToldSo()
    {
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "ngo-quiet");
        using var reader = new Browser(Factory);
        await reader.SignInAsync(Factory, focal);

        await AssertToldAsync(reader, $"{focal.ParticipantName} does not publish on the portal.");
    }

    private static async Task AssertToldAsync(Browser reader, string sentence)
    {
        foreach (var page in PublishingPages)
        {
            Assert.Equal("/Postings/WhoPublishes", Browser.RedirectPath(await reader.GetAsync(page)));
        }

        var answer = await reader.GetAsync("/Postings/WhoPublishes");
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal("Publishing needs a focal point's account", reader.Find("h1"));
        Assert.Contains(sentence, reader.Find("main"), StringComparison.Ordinal);
    }
}
