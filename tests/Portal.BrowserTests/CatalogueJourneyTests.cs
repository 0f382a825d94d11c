using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.BrowserTests.Infrastructure;
using Portal.BrowserTests.Pages;
using Portal.Data;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Portal.BrowserTests;

/// <summary>
/// The catalogue as its people use it: an editor opens a call, a State's focal point sees it on the home page with the
/// days left, writes a contribution with a photograph and submits it, and the editor accepts it, puts the book together
/// and builds it; the editor downloads the PDF and the focal point reads the web edition. Every page is photographed at
/// 1280 and 390 pixels and scanned by axe.
/// </summary>
public sealed class CatalogueJourneyTests(PortalBrowserFixture app, ITestOutputHelper output) : IClassFixture<PortalBrowserFixture>
{
    [Fact]
    public async Task Journey_OpenCall_WriteSubmit_Accept_PlanAndBuildTheBook()
    {
        var steps = new Checkpoints(output, firstNumber: 201);
        var editor = await TestAccounts.CreateAsync(app.Factory, PortalRole.Member, "MEX");
        await app.Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
        var focal = await TestAccounts.CreateAsync(app.Factory, PortalRole.FocalPoint, "LAO");
        // The days left count in the call's time zone (Geneva), which is already tomorrow in the last hour of a UTC day.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Factory.Time.GetUtcNow(),
            TimeZoneInfo.FindSystemTimeZoneById(Portal.Features.Catalogue.CallCalendar.DefaultTimeZone)).DateTime);

        // The editor opens the call.
        await using var editorContext = await app.NewContextAsync();
        var desk = await editorContext.NewPageAsync();
        await desk.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(desk, editor.Email, editor.Password);
        await desk.GetByRole(AriaRole.Link, new() { Name = "Catalogue", Exact = true }).ClickAsync();
        await steps.AtAsync(desk, "catalogue-empty");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Open a new call" }).ClickAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Publish the call" }).ClickAsync();
        await Expect(desk.GetByTestId("errors")).ToBeVisibleAsync();
        await steps.AtAsync(desk, "call-errors");
        await desk.GetByLabel("Title").FillAsync("Good practices in cooperation and assistance");
        await desk.GetByLabel("Instructions").FillAsync("## What to write\n\nOne cooperation project per contribution, under the suggested headings.");
        await desk.GetByLabel("Opening date").FillAsync(Iso(today));
        await desk.GetByLabel("Deadline", new() { Exact = true }).FillAsync(Iso(today.AddDays(20)));
        await desk.GetByLabel("Target publication date").FillAsync(Iso(today.AddDays(80)));
        await desk.GetByLabel("Contact persons for questions").FillAsync("María Antonieta Jáquez, Mission of Mexico (mjaquez@example.test)");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Publish the call" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("is published");
        await steps.AtAsync(desk, "call-published");

        // The focal point sees it at home, with the days left, and writes a contribution.
        await using var focalContext = await app.NewContextAsync();
        var page = await focalContext.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await SignInPages.SignInAsync(page, focal.Email, focal.Password);
        await Expect(page.GetByTestId("open-call")).ToContainTextAsync("Closes in 20 days");
        await steps.AtAsync(page, "home-with-call");
        await page.GetByTestId("open-call").GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Write a contribution" }).ClickAsync();
        await steps.AtAsync(page, "contribution-new");
        await page.GetByLabel("Title of the project").FillAsync("Clearance of cluster munition remnants in Xieng Khouang");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your draft is saved");

        // A photograph from a phone, with its caption, credit and description.
        await page.GetByRole(AriaRole.Link, new() { Name = "Pictures (0)" }).ClickAsync();
        await page.GetByLabel("Photograph or graphic").SetInputFilesAsync(new FilePayload
        {
            Name = "IMG_2041.jpg",
            MimeType = "image/jpeg",
            Buffer = SamplePhotos.Jpeg(2400, 1800),
        });
        await page.GetByLabel("Caption").FillAsync("A survey team checks a rice field before planting");
        await page.GetByLabel("Credit").FillAsync("Photo: National Regulatory Authority / S. Keomany");
        await page.GetByLabel("Description for readers who cannot see the picture").FillAsync("Three deminers in protective vests sweep a flooded rice field with detectors.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the picture" }).ClickAsync();
        await Expect(page.Locator("ol.figures")).ToContainTextAsync("A survey team checks a rice field before planting");
        await steps.AtAsync(page, "contribution-pictures");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the contribution" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue writing" }).ClickAsync();

        await page.GetByLabel("Article 4: clearance").CheckAsync();
        await page.GetByLabel("Recipient", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Bilateral").CheckAsync();
        await page.GetByLabel("Period of the project").FillAsync("2009–2012");
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync(
            "## Context\n\nThe province was among the most contaminated in the world.\n\n## What was done\n\nTeams cleared 1,200 hectares.\n\n## Results\n\nFarmland returned to use.\n\n## Lessons learned\n\nWork with the communities from the start.");
        await page.GetByLabel("Name of author 1").FillAsync("Bounmy Phommachanh");
        await page.GetByLabel("Function of author 1").FillAsync("Programme officer");
        await page.GetByLabel("Organisation of author 1").FillAsync("National Regulatory Authority");
        await page.GetByLabel("Testimonial 1", new() { Exact = true }).FillAsync("Our children walk to school through the fields again.");
        await page.GetByLabel("Person quoted in testimonial 1", new() { Exact = true }).FillAsync("Mrs Vanh");
        await page.GetByLabel("Their role").FillAsync("Farmer");
        await page.GetByLabel("Their place").FillAsync("Phonsavan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit to the editors" }).ClickAsync();
        await Expect(page.GetByTestId("errors")).ToContainTextAsync("Tick that Mrs Vanh agreed");
        await steps.AtAsync(page, "contribution-errors");
        await page.GetByLabel("The person quoted in testimonial 1 agreed").CheckAsync();
        await page.GetByLabel("The material is free of copyright restrictions").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit to the editors" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Contribution submitted");
        await steps.AtAsync(page, "contribution-submitted");
        await page.GetByRole(AriaRole.Link, new() { Name = "See your contribution" }).ClickAsync();
        await Expect(page.GetByTestId("chapter")).ToContainTextAsync("By Bounmy Phommachanh (Programme officer, National Regulatory Authority).");
        await steps.AtAsync(page, "contribution-page");

        // The editor finds it on the home page, accepts it and sees it in the book's plan.
        await desk.GotoAsync("/");
        await desk.GetByTestId("awaiting-review").GetByRole(AriaRole.Link).ClickAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "Good practices in cooperation and assistance" }).ClickAsync();
        await steps.AtAsync(desk, "call-for-editors");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Clearance of cluster munition remnants in Xieng Khouang" }).ClickAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("is accepted");
        await steps.AtAsync(desk, "contribution-accepted");
        await desk.GetByRole(AriaRole.Link, new() { Name = "Good practices in cooperation and assistance" }).ClickAsync();
        await desk.GetByRole(AriaRole.Link, new() { Name = "Put the book together" }).ClickAsync();
        await Expect(desk.GetByTestId("chapter-row")).ToContainTextAsync("Xieng Khouang");
        await steps.AtAsync(desk, "book-plan");

        // The editor builds the book; the build page follows the builder until the files are ready.
        await desk.GetByRole(AriaRole.Button, new() { Name = "Build the edition for States" }).ClickAsync();
        // Running or, on a fast machine, already done: the page says which.
        await Expect(desk.GetByTestId("build-progress").Or(desk.GetByTestId("build-ready"))).ToBeVisibleAsync();
        await steps.AtAsync(desk, "build-started");
        // The editor checks the progress now and then, as a person would, until the files are ready.
        for (var check = 0; check < 180 && !await desk.GetByTestId("build-ready").IsVisibleAsync(); check++)
        {
            await desk.WaitForTimeoutAsync(1_000);
            await desk.GetByRole(AriaRole.Link, new() { Name = "Check progress" }).ClickAsync();
        }

        await Expect(desk.GetByTestId("build-ready")).ToBeVisibleAsync();
        await steps.AtAsync(desk, "build-ready");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Publish this edition" }).ClickAsync();
        await Expect(desk.GetByTestId("publication")).ToContainTextAsync("Published on");
        var download = await desk.RunAndWaitForDownloadAsync(() =>
            desk.GetByTestId("downloads").GetByRole(AriaRole.Link).Filter(new() { HasText = ".pdf" }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)),
            await desk.GetByTestId("downloads").Locator("tbody tr").First.Locator("code").TextContentAsync());

        // The focal point reads the web edition in the portal.
        await page.GotoAsync("/Catalogue");
        await page.GetByTestId("editions").GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Read the web edition" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contents" })).ToBeVisibleAsync();
        await steps.AtAsync(page, "web-edition-contents");
        await page.GetByTestId("book-page").GetByRole(AriaRole.Link, new() { Name = "Clearance of cluster munition remnants in Xieng Khouang" }).ClickAsync();
        await Expect(page.GetByTestId("book-page")).ToContainTextAsync("By Bounmy Phommachanh (Programme officer, National Regulatory Authority).");
        await Expect(page.GetByTestId("book-page")).ToContainTextAsync("Photo: National Regulatory Authority / S. Keomany");
        await Expect(page.GetByTestId("book-page")).Not.ToContainTextAsync("Photo: Photo:");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Three deminers in protective vests sweep a flooded rice field with detectors." })).ToBeVisibleAsync();
        await steps.AtAsync(page, "web-edition-chapter");

        steps.AssertAccessible();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
