using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// A form reaches its page whole whichever way it was encoded, or is answered for what was wrong with it (400, 413),
/// never with "page not found" and never by losing what the person typed.
/// </summary>
public sealed class FormReadingTests : PortalTest
{
    private const string Typed = "Accredited by the mission.\0 Please hurry.";
    private const string Stored = "Accredited by the mission.\uFFFD Please hurry.";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NulInAField_IsKeptAsAReplacementCharacter_AndTheRequestGoesThrough(bool multipart)
    {
        using var visitor = new Browser(Factory);
        await visitor.OpenAsync("/Access/Request");
        var response = await visitor.SubmitAsync("form", new FormFill { Values = await AccessRequestAsync(Typed, name: "Amina\0 Diallo"), Multipart = multipart });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("your request has been sent", visitor.Text, StringComparison.OrdinalIgnoreCase);
        var stored = await Factory.WithDbAsync(db => db.AccessRequests.Select(r => new { r.Name, r.Note }).SingleAsync());
        Assert.Equal("Amina\uFFFD Diallo", stored.Name);
        Assert.Equal(Stored, stored.Note);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NulInAFormWithAnError_ComesBackWithEverythingTyped(bool multipart)
    {
        using var visitor = new Browser(Factory);
        await visitor.OpenAsync("/Access/Request");
        var values = await AccessRequestAsync(Typed);
        values["Input.Position"] = "";
        var response = await visitor.SubmitAsync("form", new FormFill { Values = values, Multipart = multipart });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter your position", visitor.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(Stored, visitor.Page!.QuerySelector("textarea[name='Input.Note']")!.TextContent);
        Assert.Equal("Amina Diallo", visitor.Page.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task NulInANewPosting_IsSavedAsAReplacementCharacter()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        var id = await owner.SaveDraftAsync(new PostingSteps.Draft { Title = "Prosthetics\0 workshop", Body = "Text\0 with NUL.\n" });
        var saved = await Factory.WithDbAsync(db => db.Postings.Where(p => p.Id == id).Select(p => new { p.Title, p.Body }).SingleAsync());
        Assert.Equal("Prosthetics\uFFFD workshop", saved.Title);
        Assert.Equal("Text\uFFFD with NUL.\n", saved.Body);
    }

    [Fact]
    public async Task NulInAQueryString_IsReadAsAReplacementCharacter_AndTheSearchAnswers()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, coordinator);

        // The audit filters go to the database as they are; PostgreSQL cannot take a NUL.
        var response = await browser.GetAsync("/Admin/Audit?text=sign%00in&action=%00");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sign\uFFFDin", browser.Page!.QuerySelector("input[name=text]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task UnreadableForm_IsRefusedAsABadRequest_NotAsAMissingPage()
    {
        using var broken = new StringContent("--b\r\nContent-Disposition: form-data; name=\"Input.Name\"\r\n\r\nAmina", Encoding.UTF8);
        broken.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        using var http = Factory.CreateClient();
        var response = await http.PostAsync(new Uri("/Access/Request", UriKind.Relative), broken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Request not accepted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadOverTheFileLimit_GetsTheFormBackWithItsSize_AndOverTheRequestLimit_TheTooLargePage()
    {
        // Only a real server enforces a page's request size limit.
        Factory.UseKestrel(0);
        Factory.StartServer();
        var server = new Uri(Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory, kestrel: server);
        await owner.SignInAsync(Factory, lao);
        var id = await owner.SaveDraftAsync(new PostingSteps.Draft());

        // 35 MB is over Kestrel's default request limit (30 MB): the page's own limit is the one that applies.
        foreach (var megabytes in new[] { 13, 35 })
        {
            var response = await owner.AttachAsync(id, "survey.pdf", PdfOf(megabytes * 1024 * 1024));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"“survey.pdf” is {megabytes} MB; a file can be at most 10 MB.", owner.Find("[data-testid=errors]"), StringComparison.Ordinal);
            Assert.NotNull(owner.Page!.QuerySelector("input[type=file][name=Upload]"));
        }

        owner.ExpectContinue = true;
        var tooLarge = await owner.AttachAsync(id, "archive.pdf", PdfOf(45 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("File too large", owner.Find("h1"));
        Assert.Contains("A file can be at most 10 MB", owner.Text, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.PostingAttachments.CountAsync()));
    }

    private static byte[] PdfOf(int length)
    {
        var pdf = SampleFiles.Pdf();
        var content = new byte[length];
        pdf.CopyTo(content, 0);
        return content;
    }

    private async Task<Dictionary<string, string>> AccessRequestAsync(string note, string name = "Amina Diallo") => new()
    {
        ["Input.Name"] = name,
        ["Input.Email"] = "amina@mission.test",
        ["Input.ParticipantId"] = (await Factory.WithDbAsync(db => db.Participants.Where(p => p.Code == "SEN").Select(p => p.Id).SingleAsync()))
            .ToString(CultureInfo.InvariantCulture),
        ["Input.Position"] = "Head of mine action",
        ["Input.Note"] = note,
    };
}
