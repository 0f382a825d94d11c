using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Word files the import cannot take answer the form again, with the message and what the person chose.</summary>
public sealed class WordImportTests : PortalTest
{
    public static TheoryData<string, string> BrokenFiles => new()
    {
        { "image part missing", "“Document from Lao PDR.docx” is damaged: it refers to a picture or another part that is not in the file." },
        { "relationship with an absolute internal target", "“Document from Lao PDR.docx” is damaged or not a real Office document." },
        { "linked picture", "This Word document shows a picture that is only linked to a file outside the document, so the portal cannot import it." },
        { "broken styles XML", "This file could not be read as a Word document (.docx)." },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task Import_BrokenWordFile_ShowsTheMessageAndKeepsTheForm(string damage, string message)
    {
        using var isu = await CoordinatorAsync();

        var response = await ImportAsync(isu, BrokenDocx.Make(damage));

        await AssertRefusedAsync(isu, response, message);
    }

    [Fact]
    public async Task Import_DocumentLongerThanAPosting_IsRefusedWithHowMuchIsOver()
    {
        using var isu = await CoordinatorAsync();
        var sentence = "Clearance of contaminated land in the province continues, with two teams working since March 2026.";
        var docx = DocxBuilder.Create(body => body.Append(Enumerable.Range(0, 1100).Select(_ => DocxBuilder.Paragraph(sentence))));

        var response = await ImportAsync(isu, docx);

        // 1,100 paragraphs of 98 characters, a blank line between each two, a line end after the last.
        await AssertRefusedAsync(isu, response, "The document’s text is 109,999 characters long; a posting holds at most 100,000. Shorten it by 9,999 characters, or split it into several postings.");
    }

    private async Task<Browser> CoordinatorAsync()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu", twoFactor: true);
        var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, coordinator);
        await browser.OpenAsync("/Postings/Import");
        return browser;
    }

    private static Task<HttpResponseMessage> ImportAsync(Browser browser, byte[] docx) =>
        browser.SubmitAsync("form.stack", new FormFill
        {
            Values = new Dictionary<string, string> { ["Input.Kind"] = "Offer", ["Input.Participant"] = "LAO" },
            Files = new Dictionary<string, (string, byte[])> { ["Input.Document"] = ("Document from Lao PDR.docx", docx) },
        });

    private async Task AssertRefusedAsync(Browser browser, HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/Postings/Import", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains(message, browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Contains(message, browser.Find("#Input_Document-error"), StringComparison.Ordinal);
        Assert.Equal("true", browser.Page!.QuerySelector("#Input_Document")!.GetAttribute("aria-invalid"));
        Assert.Equal("Offer", browser.Page.QuerySelector("input[name='Input.Kind']:checked")?.GetAttribute("value"));
        Assert.Equal("LAO", browser.Page.QuerySelector("#Input_Participant option[selected]")?.GetAttribute("value"));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Postings.CountAsync()));
    }
}
