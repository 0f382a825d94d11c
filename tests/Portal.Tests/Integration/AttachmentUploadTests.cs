using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

public sealed class AttachmentUploadTests : PortalTest
{
    public static TheoryData<string, string, string> Attacks => new()
    {
        { "renamed executable", "report.pdf", "is not a file type the portal accepts" },
        { "html named pdf", "report.pdf", "is not a file type the portal accepts" },
        { "docx bomb", "plan.docx", "expands to more than 64 MB" },
        { "docx missing a picture", "plan.docx", "“plan.docx” is damaged: it refers to a picture or another part that is not in the file." },
        { "path and control characters", "../../etc/pass\u0007wd\u202Efdp.exe", "contains folder names or invisible control characters" },
        { "empty", "empty.pdf", "is empty" },
        { "oversize", "big.pdf", "a file can be at most 10 MB" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Upload_Attack_IsRefusedWithAClearMessage_AndNothingIsStored(string attack, string fileName, string message)
    {
        var content = attack switch
        {
            "renamed executable" => SampleFiles.RenamedExe(),
            "html named pdf" => SampleFiles.HtmlPage(),
            "docx bomb" => SampleFiles.DocxBomb(),
            "docx missing a picture" => BrokenDocx.MissingImagePart(),
            "path and control characters" => SampleFiles.Pdf(),
            "empty" => [],
            _ => Oversize(),
        };
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        var id = await owner.SaveDraftAsync(new PostingSteps.Draft());

        var response = await owner.AttachAsync(id, fileName, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = owner.Find("[data-testid=errors]") ?? "";
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal("true", owner.Page!.QuerySelector("#Upload")?.GetAttribute("aria-invalid"));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.PostingAttachments.CountAsync()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.AttachmentContents.CountAsync()));
    }

    [Fact]
    public async Task Attachment_IsStoredWithItsHash_AndServedOnlyAsADownload()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        var id = await owner.PublishAsync(new PostingSteps.Draft());
        var pdf = SampleFiles.Pdf();
        var png = SampleFiles.Png();
        await owner.AttachAsync(id, "Budget plan 2027.pdf", pdf);
        // Content decides the type: a picture saved with the wrong extension is kept as what it is.
        await owner.AttachAsync(id, "photo.pdf", png);
        await owner.AttachAsync(id, "Budget plan 2027.pdf", pdf);

        var files = await Factory.WithDbAsync(db => db.PostingAttachments.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["Budget plan 2027.pdf", "photo.png", "Budget plan 2027 (2).pdf"], files.Select(f => f.FileName));
        Assert.Equal(["application/pdf", "image/png", "application/pdf"], files.Select(f => f.ContentType));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), files[0].Sha256);

        var download = await owner.GetAsync($"/Postings/{id}/Attachments/{files[0].Id}");
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Budget plan 2027.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // Removing one takes its bytes with it.
        await owner.OpenAsync($"/Postings/{id}/Attachments/{files[2].Id}/Remove");
        await owner.SubmitAsync("form.actions button");
        Assert.Equal(2, await Factory.WithDbAsync(db => db.AttachmentContents.CountAsync()));
    }

    [Fact]
    public async Task Attachments_BeyondThePostingLimit_AreRefused()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        var id = await owner.SaveDraftAsync(new PostingSteps.Draft());
        var nineMegabytes = SampleFiles.Pdf(new string('x', 9 * 1024 * 1024));
        await owner.AttachAsync(id, "one.pdf", nineMegabytes);
        await owner.AttachAsync(id, "two.pdf", nineMegabytes);
        await owner.AttachAsync(id, "three.pdf", nineMegabytes);
        Assert.Contains("the limit is 25 MB per posting", owner.Find("[data-testid=errors]") ?? "", StringComparison.Ordinal);
        Assert.Equal(2, await Factory.WithDbAsync(db => db.PostingAttachments.CountAsync()));
    }

    private static byte[] Oversize() => SampleFiles.Pdf(new string('x', (10 * 1024 * 1024) + 1));
}
