using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

public sealed class PostingEditingTests : PortalTest
{
    [Fact]
    public async Task TwoFocalPointsEditingAtOnce_TheSecondSaveIsRefused_AndItsTextIsKept()
    {
        var first = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var second = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var one = new Browser(Factory);
        await one.SignInAsync(Factory, first);
        var id = await one.PublishAsync(new PostingSteps.Draft());
        using var two = new Browser(Factory);
        await two.SignInAsync(Factory, second);

        await one.OpenAsync($"/Postings/{id}/Edit");
        await two.OpenAsync($"/Postings/{id}/Edit");
        await one.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.Summary"] = "The first colleague's summary." });
        await two.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.Summary"] = "The second colleague's summary." });

        Assert.Contains("Someone else saved this posting after you opened it", two.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal("The second colleague's summary.", two.Page!.QuerySelector("#Input_Summary")!.TextContent.Trim());
        var stored = await Factory.WithDbAsync(db => db.Postings.AsNoTracking().SingleAsync());
        Assert.Equal(("The first colleague's summary.", 2), (stored.Summary, stored.CurrentVersion));

        // Having seen the message, the second colleague saves again on purpose: now it goes through.
        await two.SubmitAsync("form.stack");
        stored = await Factory.WithDbAsync(db => db.Postings.AsNoTracking().SingleAsync());
        Assert.Equal(("The second colleague's summary.", 3), (stored.Summary, stored.CurrentVersion));
    }

    [Fact]
    public async Task Coordinator_ImportsAWordFileForAState_AndTheStateCanCheckWhatWasPublished()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu", twoFactor: true);
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var isu = new Browser(Factory);
        await isu.SignInAsync(Factory, coordinator);
        var docx = DocxBuilder.SampleNeed();

        await isu.OpenAsync("/Postings/Import");
        await isu.SubmitAsync("form.stack", new FormFill
        {
            Values = new Dictionary<string, string> { ["Input.Kind"] = "Need", ["Input.Participant"] = "LAO" },
            Files = new Dictionary<string, (string, byte[])> { ["Input.Document"] = ("Need from Lao PDR.docx", docx) },
        });
        var landed = isu.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.EndsWith("/Classify", landed, StringComparison.Ordinal);
        Assert.Contains("Imported as a draft", isu.Find("[role=status]"), StringComparison.Ordinal);
        await isu.OpenAsync(landed.Replace("/Classify", "/Edit", StringComparison.Ordinal));
        var body = isu.Page!.QuerySelector("#Input_Body")!.TextContent;
        Assert.Contains("Xieng Khouang", body, StringComparison.Ordinal);
        Assert.Contains("](attachment:image1.png)", body, StringComparison.Ordinal);
        Assert.Contains("|", body, StringComparison.Ordinal);

        var draft = new PostingSteps.Draft { Title = isu.Page.QuerySelector("#Input_Title")!.GetAttribute("value")!, Body = body };
        await isu.SubmitAsync("form.stack", new FormFill { Values = draft.Values().Where(kv => kv.Key != "Input.Participant").ToDictionary(), Lists = draft.Lists() });
        await isu.SubmitAsync("form[action*='handler=Publish']");
        await isu.AnswerSenderStepAsync();
        Assert.Contains("published by the coordinator on behalf of", isu.Find("footer.provenance"), StringComparison.Ordinal);
        Assert.NotNull(isu.Page!.QuerySelector(".markdown img[src^='/Postings/']"));
        var id = await Factory.WithDbAsync(db => db.Postings.Select(p => p.Id).SingleAsync());

        // The State sees its posting, the fingerprint of the text, and the SHA-256 of the very file it sent.
        using var state = new Browser(Factory);
        await state.SignInAsync(Factory, lao);
        await state.OpenAsync($"/Postings/{id}");
        Assert.NotNull(state.Page!.QuerySelector("aside.owner"));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(docx)), state.Find("ul.attachments"), StringComparison.Ordinal);
        var fingerprint = state.Find("[data-testid=fingerprint]");
        var canonical = await (await state.GetAsync($"/Postings/{id}/Versions?handler=Canonical&v=1")).Content.ReadAsByteArrayAsync();
        Assert.Equal(fingerprint, Convert.ToHexStringLower(SHA256.HashData(canonical)));
        var version = await Factory.WithDbAsync(db => db.PostingVersions.AsNoTracking().SingleAsync());
        Assert.True(version.OnBehalf);
        Assert.Equal(body.Replace("\r\n", "\n", StringComparison.Ordinal), await Factory.WithDbAsync(db => db.Postings.Select(p => p.Body).SingleAsync()));
    }

    [Fact]
    public async Task Import_WithPendingChangesAndComments_WaitsForTheCoordinatorsChoice_AndTheReportStaysWithTheVersion()
    {
        var coordinator = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu", twoFactor: true);
        using var isu = new Browser(Factory);
        await isu.SignInAsync(Factory, coordinator);
        var docx = Pandoc.Docx("""
            # Clearance in Xieng Khouang

            The survey covers [twelve]{.insertion author="Ministry" date="2026-01-01T00:00:00Z"}[ten]{.deletion author="Ministry" date="2026-01-01T00:00:00Z"} districts.[^1] [Check the figure.]{.comment-start id="0" author="Desk" date="2026-01-01T00:00:00Z"}Farmland comes first.[]{.comment-end id="0"}

            > “We can farm again.”

            [^1]: Figures of the 2021 strategy.
            """);
        var values = new Dictionary<string, string> { ["Input.Kind"] = "Need", ["Input.Participant"] = "LAO" };
        var files = new Dictionary<string, (string, byte[])> { ["Input.Document"] = ("Need with changes.docx", docx) };

        await isu.OpenAsync("/Postings/Import");
        Assert.Null(isu.Page!.QuerySelector("input[name='Input.AcceptChanges']"));
        await isu.SubmitAsync("form.stack", new FormFill { Values = values, Files = files });
        Assert.Contains("still holds 1 tracked insertion, 1 tracked deletion and 1 comment", isu.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Postings.CountAsync()));

        // The page now offers the choice; taking it imports the text as if every change were accepted, and says so.
        Assert.NotNull(isu.Page!.QuerySelector("input[name='Input.AcceptChanges']"));
        await isu.SubmitAsync("form.stack", new FormFill { Values = new Dictionary<string, string>(values) { ["Input.AcceptChanges"] = "true" }, Files = files });
        var landed = isu.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.EndsWith("/Classify", landed, StringComparison.Ordinal);
        const string Report = "Imported: 1 heading, 1 paragraph, 1 quotation, 1 footnote and 1 tracked insertion. "
            + "Left out: 1 comment and 1 tracked deletion (the text as if accepted was used). "
            + "The document still had tracked changes or comments; it was imported as if every change were accepted, as the person who imported it chose.";
        Assert.Contains(Report, isu.Find("[data-testid=import-report]"), StringComparison.Ordinal);

        await isu.OpenAsync(landed.Replace("/Classify", "/Edit", StringComparison.Ordinal));
        var body = isu.Page!.QuerySelector("#Input_Body")!.TextContent;
        Assert.Contains("The survey covers twelve districts.[^1]", body, StringComparison.Ordinal);
        var draft = new PostingSteps.Draft { Title = isu.Page.QuerySelector("#Input_Title")!.GetAttribute("value")!, Body = body };
        await isu.SubmitAsync("form.stack", new FormFill { Values = draft.Values().Where(kv => kv.Key != "Input.Participant").ToDictionary(), Lists = draft.Lists() });
        await isu.SubmitAsync("form[action*='handler=Publish']");
        await isu.AnswerSenderStepAsync("desk@mofa.example.test");

        // Published: the footnote and the quotation are shown, and the version keeps the report beside the file's SHA-256.
        Assert.Equal("Figures of the 2021 strategy.", isu.Page!.QuerySelector(".markdown .footnotes li p")!.TextContent.Replace("↩", "", StringComparison.Ordinal).Trim());
        Assert.Equal("“We can farm again.”", isu.Find(".markdown blockquote"));
        Assert.Contains(Report, isu.Find("[data-testid=import-report]"), StringComparison.Ordinal);
        Assert.Equal(Report, await Factory.WithDbAsync(db => db.PostingVersions.Select(v => v.ImportReport).SingleAsync()));
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditEvent.PostingImported.ToString()).Select(a => a.Detail).SingleAsync());
        Assert.Equal($"“Need with changes.docx”, SHA-256 {Convert.ToHexStringLower(SHA256.HashData(docx))}. {Report}", audit);
    }

    [Fact]
    public async Task Import_OfSomethingElseThanAWordFile_SaysSo_AndCreatesNothing()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, lao);
        await browser.OpenAsync("/Postings/Import");
        await browser.SubmitAsync("form.stack", new FormFill
        {
            Values = new Dictionary<string, string> { ["Input.Kind"] = "Need" },
            Files = new Dictionary<string, (string, byte[])> { ["Input.Document"] = ("need.docx", SampleFiles.Pdf()) },
        });
        // "need.docx" holds a PDF: the message says what to send instead, the Word file or the portal's template.
        Assert.Contains("“need.docx” is a PDF, and a PDF’s text cannot be imported word for word. Ask whoever wrote it for the Word document (.docx) the PDF was made from",
            browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Contains("the portal’s Word template, at the foot of this page", browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Postings.CountAsync()));
    }
}
