using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.WordImport;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Infrastructure.DocxBuilder;

namespace Portal.Tests.Integration;

/// <summary>
/// Contributions from Word files through the real forms: a focal point starts a draft from one or replaces a draft's
/// text; an editor enters one received by e-mail on a State's behalf, which the State's focal points own and submit.
/// </summary>
public sealed class ContributionImportTests : PortalTest
{
    private CatalogueCall call = null!;
    private TestAccount laos = null!;

    public override async Task InitializeAsync()
    {
        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);
        call = await CatalogueSteps.CreateCallAsync(Factory, today.AddDays(-1), today.AddDays(40));
        laos = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
    }

    /// <summary>A contribution as a State writes it in Word: a title, headings, emphasis, a link and a picture.</summary>
    private static byte[] Document(int pictures = 1, bool withTitle = true) => Create(body =>
    {
        if (withTitle)
        {
            body.Append(Title("Clearance of cluster munition remnants in Xieng Khouang"));
        }

        body.Append(
            Heading(1, "Context"),
            Paragraph(Run("The province is among the most "), Run("heavily", bold: true), Run(" contaminated in the world.")),
            Heading(1, "What was done"),
            Paragraph(Run("Village volunteers * mapped [suspected] areas; see "), Hyperlink(body, "https://example.org/report", "the survey report"), Run(".")));
        for (var i = 0; i < pictures; i++)
        {
            body.Append(Paragraph(Image(body, TinyPng, alt: $"Deminers at work {i + 1}")));
        }

        body.Append(Heading(1, "Results"), Paragraph("1,200 hectares returned to farming."));
    });

    private static string Markdown(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        return DocxImporter.Import(stream, DocxTarget.Contribution).Markdown;
    }

    [Fact]
    public async Task FocalPoint_StartsFromAWordFile_TheDraftHasItsTextWordForWordAndItsTitle_AndPicturesAreReported()
    {
        using var browser = await SignedInAsync(laos);
        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}");
        await browser.OpenAsync(browser.Page!.QuerySelector("a[href$='/Import']")!.GetAttribute("href")!);
        var docx = Document(pictures: 1);

        await browser.SubmitAsync("main form[method=post]", new FormFill { Files = Files("Xieng Khouang.docx", docx) });

        var id = ContributionIdIn(browser, "Edit");
        var saved = await ContributionAsync(id);
        Assert.Equal("Clearance of cluster munition remnants in Xieng Khouang", saved.Title);
        Assert.Equal(Markdown(docx), saved.Body);
        Assert.Contains("**heavily**", saved.Body, StringComparison.Ordinal);
        Assert.Contains("[the survey report](https://example.org/report)", saved.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("attachment:", saved.Body, StringComparison.Ordinal);
        Assert.Equal(ContributionStatus.Draft, saved.Status);
        Assert.Equal(laos.ParticipantId, saved.ParticipantId);
        Assert.Null(saved.EnteredOnBehalfBy);
        var status = browser.Find("main p.notice") ?? "";
        Assert.Contains("Your draft is saved with the text of “Xieng Khouang.docx”, word for word.", status, StringComparison.Ordinal);
        Assert.Contains("One picture was not imported: add it on the Pictures page with a caption, credit and description.", status, StringComparison.Ordinal);
        Assert.Equal(saved.Body, ((IHtmlTextAreaElement)browser.Page!.QuerySelector("textarea[name='Input.Body']")!).Value);
        Assert.Contains("Left out: 1 picture (to be added on the Pictures page, with a caption and credit).", browser.Find("[data-testid=import-report]"), StringComparison.Ordinal);
        Assert.Equal(saved.ImportReport, browser.Find("[data-testid=import-report]")!.Replace("What the last import of a Word document did. ", "", StringComparison.Ordinal));
        var sha = Convert.ToHexStringLower(SHA256.HashData(docx));
        Assert.Contains(sha, await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "ContributionImported").Select(a => a.Detail).SingleAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FocalPoint_StartsFromAWordFileWithoutATitle_TakesItsFirstHeading_UnlessATitleIsTyped()
    {
        using var browser = await SignedInAsync(laos);
        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Import");
        await browser.SubmitAsync("main form[method=post]", new FormFill { Files = Files("untitled.docx", Document(pictures: 0, withTitle: false)) });
        var first = await ContributionAsync(ContributionIdIn(browser, "Edit"));
        Assert.Equal("Context", first.Title);
        var status = browser.Find("main p.notice") ?? "";
        Assert.Contains("The title is the document’s first heading; change it if it does not name the project.", status, StringComparison.Ordinal);
        Assert.DoesNotContain("picture", status, StringComparison.Ordinal);

        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Import");
        await browser.SubmitAsync("main form[method=post]", new FormFill
        {
            Values = new Dictionary<string, string> { ["Input.Title"] = "Land release in Xieng Khouang" },
            Files = Files("untitled.docx", Document(pictures: 0)),
        });
        Assert.Equal("Land release in Xieng Khouang", (await ContributionAsync(ContributionIdIn(browser, "Edit"))).Title);
    }

    [Fact]
    public async Task FocalPoint_ImportsIntoAnExistingDraft_OnlyTheTextIsReplaced()
    {
        using var browser = await SignedInAsync(laos);
        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Contribute");
        await browser.SubmitAsync("main form[method=post]", new FormFill { Values = CatalogueSteps.CompleteFields(), Lists = CatalogueSteps.CompleteLists() });
        var id = ContributionIdIn(browser, "Edit");
        await browser.OpenAsync(browser.Page!.QuerySelector($"a[href='/Catalogue/Contributions/{id}/Import']")!.GetAttribute("href")!);
        Assert.Contains("The document’s text replaces the text the draft has now.", browser.Find(".warning-text"), StringComparison.Ordinal);
        var docx = Document(pictures: 2);

        await browser.SubmitAsync("main form[method=post]", new FormFill { Files = Files("Revised text.docx", docx) });

        Assert.Equal($"/Catalogue/Contributions/{id}/Edit", browser.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("2 pictures were not imported: add them on the Pictures page with a caption, credit and description.", browser.Find("main p.notice"), StringComparison.Ordinal);
        var saved = await ContributionAsync(id);
        Assert.Equal(Markdown(docx), saved.Body);
        Assert.Equal("Clearance of cluster munition remnants in Quảng Trị", saved.Title);
        Assert.Equal("Ana Silva", Assert.Single(saved.Authors).Name);
        Assert.Equal("2009–2012", saved.Period);
        Assert.True(saved.Consent);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "not a docx", "“Budget.pdf” is a PDF, and a PDF’s text cannot be imported word for word. Ask whoever wrote it for the Word document (.docx) the PDF was made from and import that." },
        { "broken", "“Budget.docx” is damaged: it refers to a picture or another part that is not in the file." },
        { "linked picture", "This Word document shows a picture that is only linked to a file outside the document, so the portal cannot import it." },
        { "too large", "“Budget.docx” is 10.5 MB; a file can be at most 10 MB. Compress it or split it." },
        { "none", "Choose the Word document (.docx) to import." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task FocalPoint_BadFile_IsRefusedWithTheMessage_AndNothingIsSaved(string kind, string message)
    {
        using var browser = await SignedInAsync(laos);
        await browser.OpenAsync($"/Catalogue/Calls/{call.Id}/Import");

        var response = await browser.SubmitAsync("main form[method=post]", new FormFill
        {
            Values = new Dictionary<string, string> { ["Input.Title"] = "Kept title" },
            Files = BadFile(kind),
            Multipart = true,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, browser.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal("true", browser.Page!.QuerySelector("#Input_Document")!.GetAttribute("aria-invalid"));
        Assert.Equal("Kept title", browser.Page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Contributions.CountAsync()));
    }

    [Fact]
    public async Task Editor_EntersAContributionReceivedByEmail_SenderAndFileRecorded_StatesFocalPointEmailed_AndTheySubmitIt()
    {
        var editorAccount = await EditorAsync();
        using var editor = await SignedInAsync(editorAccount);
        await editor.OpenAsync($"/Catalogue/Calls/{call.Id}");
        await editor.OpenAsync(editor.Page!.QuerySelector("a[href$='/EnterOnBehalf']")!.GetAttribute("href")!);
        Assert.Equal("Enter a contribution received by e-mail", editor.Find("h1"));
        var docx = Document(pictures: 2);
        var sha = Convert.ToHexStringLower(SHA256.HashData(docx));

        await EnterAsync(editor, laos.ParticipantId, docx);

        var id = ContributionIdIn(editor, "Entered");
        Assert.Equal("Contribution entered", editor.Find("h1"));
        Assert.Equal(sha, editor.Find("[data-testid=file-sha256]"));
        Assert.Equal($"{laos.ParticipantName}’s focal point was e-mailed that the draft waits for them, with a link to it and the file’s SHA-256.",
            editor.Find("[data-testid=focal-points-told]"));
        Assert.Equal("The document holds 2 pictures, which were not imported: the State’s focal points add them on the Pictures page with a caption, credit and description.", editor.Find("main p.notice"));

        var saved = await ContributionAsync(id);
        var editorId = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editorAccount.Email).Select(u => u.Id).SingleAsync());
        Assert.Equal(laos.ParticipantId, saved.ParticipantId);
        Assert.Equal(ContributionStatus.Draft, saved.Status);
        Assert.Equal("Clearance of cluster munition remnants in Xieng Khouang", saved.Title);
        Assert.Equal(Markdown(docx), saved.Body);
        Assert.Equal(editorId, saved.EnteredOnBehalfBy);
        Assert.Equal("Souksavanh Phommachanh", saved.ReceivedFromName);
        Assert.Equal("s.phommachanh@mofa.example.test", saved.ReceivedFromEmail);
        Assert.Equal("Contribution from Lao PDR.docx", saved.ImportedFileName);
        Assert.Equal(sha, saved.ImportedFileSha256);
        Assert.Equal(Factory.Time.GetUtcNow(), saved.ImportedAt!.Value, TimeSpan.FromMilliseconds(1));
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "ContributionEnteredOnBehalf").Select(a => new { a.Detail, a.ActorUserId }).SingleAsync());
        Assert.Contains(sha, audit.Detail, StringComparison.Ordinal);
        Assert.Contains("s.phommachanh@mofa.example.test", audit.Detail, StringComparison.Ordinal);
        Assert.Equal(editorId, audit.ActorUserId);

        // The editor sees the draft they entered but does not write in it.
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/Catalogue/Contributions/{id}/Edit")).StatusCode);
        await editor.OpenAsync($"/Catalogue/Contributions/{id}");
        Assert.Empty(editor.Page!.QuerySelectorAll($"a[href='/Catalogue/Contributions/{id}/Edit']"));

        // The State's focal point follows the e-mail's link, compares the SHA-256, completes and submits the draft.
        var mail = Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, laos.Email));
        Assert.Equal($"A draft contribution waits for your State: {call.Title}", mail.Subject);
        Assert.Contains("Souksavanh Phommachanh <s.phommachanh@mofa.example.test>", mail.Body, StringComparison.Ordinal);
        Assert.Contains(sha, mail.Body, StringComparison.Ordinal);
        Assert.Contains("The document holds 2 pictures, which were not imported: add them on the draft’s Pictures page with a caption, credit and description.", mail.Body, StringComparison.Ordinal);
        var link = Mailbox.LinkIn(mail, "/Catalogue/Contributions/");
        Assert.Equal($"/Catalogue/Contributions/{id}", link);
        using var focal = await SignedInAsync(laos);
        await focal.OpenAsync(link);
        var entered = focal.Find("[data-testid=entered-on-behalf]") ?? "";
        Assert.Contains($"Entered by Test Member on behalf of {laos.ParticipantName} on ", entered, StringComparison.Ordinal);
        Assert.Contains("from a Word file sent by Souksavanh Phommachanh <s.phommachanh@mofa.example.test>.", entered, StringComparison.Ordinal);
        Assert.Equal(sha, focal.Find("[data-testid=file-sha256]"));
        Assert.Contains("Left out: 2 pictures (to be added on the Pictures page, with a caption and credit).", focal.Find("[data-testid=import-report]"), StringComparison.Ordinal);
        await focal.OpenAsync($"/Catalogue/Contributions/{id}/Edit");
        var fields = CatalogueSteps.CompleteFields(title: saved.Title);
        fields.Remove("Input.Body");
        await focal.SubmitAsync("main form[method=post]", new FormFill
        {
            Values = fields,
            Lists = CatalogueSteps.CompleteLists(),
            Button = "button[formaction*='handler=Submit']",
        });
        Assert.Equal("Contribution submitted", focal.Find("h1"));
        var submitted = await ContributionAsync(id);
        Assert.Equal(ContributionStatus.Submitted, submitted.Status);
        Assert.Equal(Markdown(docx), submitted.Body);
        Assert.Equal(await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == laos.Email).Select(u => u.Id).SingleAsync()), submitted.SubmittedBy);

        await editor.OpenAsync($"/Catalogue/Calls/{call.Id}");
        Assert.Contains(saved.Title, editor.Find("[data-testid=submission-row]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyEditorsEnterOnBehalf_AndOnlyTheStateAndTheEnteringEditorSeeTheDraft()
    {
        var laosMember = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO");
        using var editor = await SignedInAsync(await EditorAsync());
        await editor.OpenAsync($"/Catalogue/Calls/{call.Id}/EnterOnBehalf");
        await EnterAsync(editor, laos.ParticipantId, Document());
        var id = ContributionIdIn(editor, "Entered");

        // A focal point who is no editor: no link, no page, and a crafted POST enters nothing.
        using var focal = await SignedInAsync(laos);
        await focal.OpenAsync($"/Catalogue/Calls/{call.Id}");
        Assert.Empty(focal.Page!.QuerySelectorAll("a[href$='/EnterOnBehalf']"));
        Assert.Equal(HttpStatusCode.NotFound, (await focal.GetAsync($"/Catalogue/Calls/{call.Id}/EnterOnBehalf")).StatusCode);
        await focal.OpenAsync($"/Catalogue/Calls/{call.Id}");
        var crafted = await focal.PostAsync($"/Catalogue/Calls/{call.Id}/EnterOnBehalf", [
            new("__RequestVerificationToken", focal.Token()), new("Input.ParticipantId", CatalogueSteps.Id(laos.ParticipantId)),
            new("Input.SenderName", "Someone"), new("Input.SenderEmail", "someone@example.test")]);
        Assert.Equal(HttpStatusCode.NotFound, crafted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await focal.GetAsync($"/Catalogue/Contributions/{id}/Entered")).StatusCode);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Contributions.CountAsync()));

        // The State's own focal point opens and edits it; another State, an observer and another editor see nothing.
        Assert.Equal(HttpStatusCode.OK, (await focal.GetAsync($"/Catalogue/Contributions/{id}/Edit")).StatusCode);
        using var chile = await SignedInAsync(await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "CHL"));
        using var observer = await SignedInAsync(await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-watch"));
        using var otherEditor = await SignedInAsync(await EditorAsync());
        foreach (var path in new[] { "", "/Edit", "/Import", "/Entered" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await chile.GetAsync($"/Catalogue/Contributions/{id}{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await observer.GetAsync($"/Catalogue/Contributions/{id}{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await otherEditor.GetAsync($"/Catalogue/Contributions/{id}{path}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await chile.GetAsync($"/Catalogue/Calls/{call.Id}/EnterOnBehalf")).StatusCode);
        // Only the State's focal points are e-mailed, not its other accounts.
        Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, laos.Email));
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, laosMember.Email));
    }

    [Fact]
    public async Task EnterOnBehalf_ForAStateWhoseOnlyFocalPointIsDisabled_EmailsTheSenderInstead_AndTheEditorCompletesIt()
    {
        // Cambodia's one focal point account is disabled: the same accounts are e-mailed, counted on the page and
        // let the editors complete the draft (CatalogueVisitor.SignsOffFor), so none of the three counts it.
        var disabled = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "KHM");
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == disabled.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        using var editor = await SignedInAsync(await EditorAsync());
        await editor.OpenAsync($"/Catalogue/Calls/{call.Id}/EnterOnBehalf");

        var docx = Document();
        await EnterAsync(editor, disabled.ParticipantId, docx);

        var id = ContributionIdIn(editor, "Entered");
        Assert.StartsWith($"{disabled.ParticipantName} has no focal point with an account on the portal, so the sender was e-mailed instead, with the file’s SHA-256, and will be e-mailed your decision. You complete the draft and submit it on the State’s behalf",
            editor.Find("[data-testid=focal-points-told]"), StringComparison.Ordinal);
        Assert.Contains("Until then only you can open it.", editor.Find("main"), StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Outbox.CountAsync(m => m.Kind == "catalogue-contribution-entered")));
        // What the focal points would have been told, the sender is: the file was entered, with its SHA-256.
        var receipt = await Factory.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Kind == "catalogue-contribution-entered-sender"));
        Assert.Equal(("s.phommachanh@mofa.example.test", $"Your file was entered for {disabled.ParticipantName}: {call.Title}"), (receipt.To, receipt.Subject));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(docx)), receipt.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/Catalogue/Contributions/{id}/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/Catalogue/Contributions/{id}/SubmitOnBehalf")).StatusCode);
    }

    [Fact]
    public async Task EnterOnBehalf_ForAnOrganisation_OrWithoutSenderOrAFile_IsRefusedWithTheReasons()
    {
        var organisation = await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-watch");
        using var editor = await SignedInAsync(await EditorAsync());
        await editor.OpenAsync($"/Catalogue/Calls/{call.Id}/EnterOnBehalf");
        Assert.Empty(editor.Page!.QuerySelectorAll($"#Input_ParticipantId option[value='{organisation.ParticipantId}']"));

        await editor.SubmitAsync("main form[method=post]", new FormFill
        {
            Values = new Dictionary<string, string>
            {
                ["Input.ParticipantId"] = CatalogueSteps.Id(organisation.ParticipantId),
                ["Input.SenderName"] = "",
                ["Input.SenderEmail"] = "not an address",
            },
            Multipart = true,
        });

        var errors = editor.Find("[data-testid=errors]") ?? "";
        Assert.Contains("Choose the State that sent the contribution from the list.", errors, StringComparison.Ordinal);
        Assert.Contains("Enter the name of the person who sent the file.", errors, StringComparison.Ordinal);
        Assert.Contains("Enter an e-mail address like name@ministry.gov.", errors, StringComparison.Ordinal);
        Assert.Contains("Choose the Word document (.docx) to import.", errors, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Contributions.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task EnterOnBehalf_BadFile_IsRefusedWithTheMessage_AndTheFormIsKept(string kind, string message)
    {
        using var editor = await SignedInAsync(await EditorAsync());
        await editor.OpenAsync($"/Catalogue/Calls/{call.Id}/EnterOnBehalf");

        await editor.SubmitAsync("main form[method=post]", new FormFill { Values = Sender(laos.ParticipantId), Files = BadFile(kind), Multipart = true });

        Assert.Contains(message, editor.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal("s.phommachanh@mofa.example.test", editor.Page!.QuerySelector("#Input_SenderEmail")!.GetAttribute("value"));
        Assert.Equal(CatalogueSteps.Id(laos.ParticipantId), editor.Page.QuerySelector("#Input_ParticipantId option[selected]")?.GetAttribute("value"));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Contributions.CountAsync()));
        Assert.Empty(await Mailbox.DeliverAndReadAsync(Factory, laos.Email));
    }

    [Fact]
    public async Task EnterOnBehalf_TheSameFileTwice_IsEnteredOnce()
    {
        using var editor = await SignedInAsync(await EditorAsync());
        var docx = Document();
        await editor.OpenAsync($"/Catalogue/Calls/{call.Id}/EnterOnBehalf");
        await EnterAsync(editor, laos.ParticipantId, docx);
        await editor.OpenAsync($"/Catalogue/Calls/{call.Id}/EnterOnBehalf");

        await EnterAsync(editor, laos.ParticipantId, docx);

        Assert.Contains("This file was already entered for ", editor.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Contributions.CountAsync()));
        Assert.Single(await Mailbox.DeliverAndReadAsync(Factory, laos.Email));
    }

    [Fact]
    public async Task EnterOnBehalf_AfterTheDeadline_SaysTheCallIsClosed_AndTakesOnlyAStateWithAnExtension()
    {
        var chile = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "CHL");
        var editorAccount = await EditorAsync();
        Factory.Time.Advance(TimeSpan.FromDays(45));
        using var editor = await SignedInAsync(editorAccount);

        await editor.OpenAsync($"/Catalogue/Calls/{call.Id}/EnterOnBehalf");
        Assert.Contains($"The call closed at the end of {call.Deadline.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}", editor.Find("[data-testid=not-open]"), StringComparison.Ordinal);
        Assert.Empty(editor.Page!.QuerySelectorAll("main form[method=post]"));

        await Factory.WithDbAsync(async db =>
        {
            db.CallExtensions.Add(new CallExtension { CallId = call.Id, ParticipantId = laos.ParticipantId, Deadline = call.Deadline.AddDays(30), GrantedAt = Factory.Time.GetUtcNow(), GrantedBy = "test" });
            return await db.SaveChangesAsync();
        });
        await editor.OpenAsync($"/Catalogue/Calls/{call.Id}/EnterOnBehalf");
        Assert.Contains(laos.ParticipantName, editor.Find("[data-testid=extended]"), StringComparison.Ordinal);
        var offered = editor.Page!.QuerySelectorAll("#Input_ParticipantId option").Select(o => o.GetAttribute("value") ?? "").Where(v => v.Length > 0);
        Assert.Equal([CatalogueSteps.Id(laos.ParticipantId)], offered);

        // A State whose deadline passed, chosen by a crafted form, is refused with the reason.
        await EnterAsync(editor, chile.ParticipantId, Document());
        Assert.Contains($"The call closed for {chile.ParticipantName} at the end of", editor.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Contributions.CountAsync()));

        await EnterAsync(editor, laos.ParticipantId, Document());
        Assert.Equal("Contribution entered", editor.Find("h1"));
        Assert.Equal(laos.ParticipantId, await Factory.WithDbAsync(db => db.Contributions.Select(c => c.ParticipantId).SingleAsync()));
    }

    [Fact]
    public async Task HostileDocument_IsInertOnTheContributionPage()
    {
        var docx = Create(body =>
        {
            body.Append(Title("<script>alert('title')</script>"));
            // Control characters cannot be written into a Word file's XML at all; a 10,000-character line is shown as
            // plain text by SafeMarkdown whatever its source (SafeMarkdownTests).
            body.Append(HostileInput.Corpus.Where(text => (!text.Any(char.IsControl) || text.Contains('\n', StringComparison.Ordinal)) && text.Length < 1000)
                .Select(text => Paragraph(text)));
            body.Append(Paragraph(Run("Read "), Hyperlink(body, "javascript:alert(1)", "the report"), Run(" and "), Hyperlink(body, "https://example.org/ok", "the safe one"), Run(".")));
        });
        using var editor = await SignedInAsync(await EditorAsync());
        await editor.OpenAsync($"/Catalogue/Calls/{call.Id}/EnterOnBehalf");
        await EnterAsync(editor, laos.ParticipantId, docx);
        var id = ContributionIdIn(editor, "Entered");
        using var focal = await SignedInAsync(laos);

        await focal.OpenAsync($"/Catalogue/Contributions/{id}");

        var chapter = focal.Page!.QuerySelector("[data-testid=chapter]")!;
        HostileInput.AssertInert(chapter.InnerHtml);
        HostileInput.AssertInert(focal.Page.QuerySelector("main")!);
        Assert.Contains("<script>alert(1)</script>", chapter.TextContent, StringComparison.Ordinal);
        Assert.Contains("[click](javascript:alert(1))", chapter.TextContent, StringComparison.Ordinal);
        Assert.Contains("the report", chapter.TextContent, StringComparison.Ordinal);
        Assert.Empty(chapter.QuerySelectorAll("a[href*='javascript' i]"));
        Assert.All(chapter.QuerySelectorAll("a"), a => Assert.StartsWith("https://", a.GetAttribute("href"), StringComparison.Ordinal));
        Assert.Contains(chapter.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://example.org/ok" && a.TextContent == "the safe one");
        Assert.Equal("<script>alert('title')</script>", focal.Find("[data-testid=chapter] h1"));
    }

    private static Dictionary<string, string> Sender(int participantId) => new()
    {
        ["Input.ParticipantId"] = CatalogueSteps.Id(participantId),
        ["Input.SenderName"] = "Souksavanh Phommachanh",
        ["Input.SenderEmail"] = "s.phommachanh@mofa.example.test",
    };

    private static Task EnterAsync(Browser editor, int participantId, byte[] docx) =>
        editor.SubmitAsync("main form[method=post]", new FormFill { Values = Sender(participantId), Files = Files("Contribution from Lao PDR.docx", docx) });

    private static Dictionary<string, (string, byte[])> Files(string name, byte[] content) => new() { ["Input.Document"] = (name, content) };

    private static Dictionary<string, (string, byte[])>? BadFile(string kind) => kind switch
    {
        "not a docx" => Files("Budget.pdf", SampleFiles.Pdf()),
        "broken" => Files("Budget.docx", BrokenDocx.MissingImagePart()),
        "linked picture" => Files("Budget.docx", BrokenDocx.LinkedImage()),
        // A real Word file padded past the limit: refused for its size before it is read.
        "too large" => Files("Budget.docx", [.. Document(), .. new byte[(int)(10.5 * 1024 * 1024) - Document().Length]]),
        _ => null,
    };

    private async Task<TestAccount> EditorAsync()
    {
        var editor = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "ESP");
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
        return editor;
    }

    private async Task<Browser> SignedInAsync(TestAccount account)
    {
        var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        return browser;
    }

    private static int ContributionIdIn(Browser browser, string page)
    {
        var path = browser.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches($"^/Catalogue/Contributions/[0-9]+/{page}$", path);
        return int.Parse(path.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<Contribution> ContributionAsync(int id) =>
        Factory.WithDbAsync(db => db.Contributions.AsNoTracking().Include(c => c.Authors).SingleAsync(c => c.Id == id));
}
