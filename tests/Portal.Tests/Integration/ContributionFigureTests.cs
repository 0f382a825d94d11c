using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.EntryCodes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// The pictures of a contribution through the real page: a photograph is kept re-encoded without what the camera
/// recorded, with its caption, credit and description; what cannot be taken is refused with its reason; only those who
/// may edit the contribution change its pictures, and only those who may see it see them.
/// </summary>
public sealed class ContributionFigureTests : PortalTest
{
    private const string Caption = "Deminers of the national team at work in Xieng Khouang, 2011";
    private const string Credit = "© UXO Lao / Ana Silva";
    private const string AltText = "Two deminers in protective vests kneel at a marked lane in a rice field.";

    // Re-encoded once for the tests that only need pictures in place.
    private static readonly (int?, int?) NotCounted = (null, null);

    private CatalogueCall call = null!;
    private TestAccount laos = null!;
    private int contribution;

    public override async Task InitializeAsync()
    {
        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);
        call = await CatalogueSteps.CreateCallAsync(Factory, today.AddDays(-1), today.AddDays(40));
        laos = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        contribution = await CatalogueSteps.CreateContributionAsync(Factory, call.Id, laos);
    }

    private string FiguresPage => $"/Catalogue/Contributions/{contribution}/Figures";

    [Fact]
    public async Task Add_PhoneJpeg_IsListedAndServedBackAsAJpegWithoutWhatTheCameraRecorded()
    {
        await SetPageCountAsync(3);
        var versionBefore = await VersionAsync();
        using var author = await SignedInAsync(laos);

        await AddAsync(author, "harbour.jpg", SamplePhotos.Jpeg(1600, 1200), Caption, Credit, AltText);

        Assert.Equal(FiguresPage, author.LastResponse!.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal($"Picture 1 is added: “{Caption}”.", author.Find("[role=status]"));
        Assert.Equal(Caption, author.Find("[data-testid=figure] [data-testid=caption]"));
        Assert.Equal(Credit, author.Find("[data-testid=figure] [data-testid=credit]"));
        Assert.Equal(AltText, author.Find("[data-testid=figure] [data-testid=alt-text]"));
        var figure = await Factory.WithDbAsync(db => db.ContributionFigures.AsNoTracking().Include(f => f.Image).SingleAsync());
        var img = author.Page!.QuerySelector("[data-testid=figure] img")!;
        Assert.Equal($"/Catalogue/Figures/{figure.Id}", img.GetAttribute("src"));
        Assert.Equal(AltText, img.GetAttribute("alt"));

        var served = await author.GetAsync($"/Catalogue/Figures/{figure.Id}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(served.Headers.CacheControl?.NoStore, "A picture of a contribution is not kept by any cache.");
        var jpeg = await served.Content.ReadAsByteArrayAsync();
        JpegMetadata.AssertNothingButPixels(jpeg);
        using (var image = Image.NewFromBuffer(jpeg))
        {
            Assert.Equal((1280, 960), (image.Width, image.Height));
        }

        Assert.Equal(figure.Image!.WebJpeg, jpeg);
        JpegMetadata.AssertNothingButPixels(figure.Image.PrintJpeg);
        Assert.Equal((0, 1600, 1200, 1280, 960), (figure.Position, figure.PrintWidth, figure.PrintHeight, figure.WebWidth, figure.WebHeight));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(figure.Image.PrintJpeg)), figure.Sha256);
        Assert.Equal(NotCounted, await PageCountAsync());
        Assert.True(await VersionAsync() > versionBefore);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == nameof(AuditEvent.FigureAdded) && e.Target == $"contribution:{contribution}")));

        // The chapter as the editors will see it shows the picture with its caption and credit.
        await author.OpenAsync($"/Catalogue/Contributions/{contribution}");
        Assert.Equal($"/Catalogue/Figures/{figure.Id}", author.Page!.QuerySelector("[data-testid=chapter] figure img")?.GetAttribute("src"));
        Assert.Contains(Credit, author.Find("[data-testid=chapter] figure"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WithoutCaptionCreditOrDescription_IsRefusedWithAMessageForEach_AndStoresNothing()
    {
        using var author = await SignedInAsync(laos);

        var response = await AddAsync(author, "harbour.jpg", SamplePhotos.Jpeg(1600, 1200), "", "   ", "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = author.Find("[data-testid=errors]") ?? "";
        Assert.Contains("Enter a caption that says what the picture shows.", errors, StringComparison.Ordinal);
        Assert.Contains("Enter the credit: who took the photograph or made the graphic.", errors, StringComparison.Ordinal);
        Assert.Contains("Enter a description of the picture for readers who cannot see it.", errors, StringComparison.Ordinal);
        foreach (var field in new[] { "Input_Caption", "Input_Credit", "Input_AltText" })
        {
            Assert.Equal("true", author.Page!.QuerySelector($"#{field}")?.GetAttribute("aria-invalid"));
        }

        Assert.Equal(0, await Factory.WithDbAsync(db => db.ContributionFigures.CountAsync()));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.FigureImages.CountAsync()));
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "text", "“notes.jpg” is not a photograph the portal can read. Choose a photograph in JPEG, PNG or WebP format." },
        { "small", "“small.jpg” is 800 × 600 pixels, too small to print well" },
        { "none", "Choose a photograph or graphic to add." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Add_WhatIsNotAPhotographToPrint_IsRefusedWithTheReason_AndKeepsWhatWasTyped(string upload, string message)
    {
        using var author = await SignedInAsync(laos);

        var response = upload switch
        {
            "text" => await AddAsync(author, "notes.jpg", Encoding.UTF8.GetBytes("Minutes of the meeting of 3 May."), Caption, Credit, AltText),
            "small" => await AddAsync(author, "small.jpg", SamplePhotos.Jpeg(800, 600), Caption, Credit, AltText),
            _ => await AddAsync(author, null, null, Caption, Credit, AltText),
        };

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, author.Find("[data-testid=errors]"), StringComparison.Ordinal);
        Assert.Equal("true", author.Page!.QuerySelector("#Input_Upload")?.GetAttribute("aria-invalid"));
        Assert.Equal(Caption, author.Find("#Input_Caption"));
        Assert.Equal(Credit, author.Page!.QuerySelector("#Input_Credit")?.GetAttribute("value"));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ContributionFigures.CountAsync()));
    }

    [Fact]
    public async Task Add_ThirteenthPicture_IsRefused()
    {
        await InsertFiguresAsync(ContributionLimits.Figures);
        using var author = await SignedInAsync(laos);
        await author.OpenAsync(FiguresPage);
        Assert.Null(author.Page!.QuerySelector("[data-testid=add-figure]"));
        Assert.Equal("The contribution has 12 pictures, the most it can have. Remove one to add another.", author.Find("[data-testid=figure-limit]"));

        // The form sent anyway, as if from a page opened before the twelfth was added.
        using var form = new MultipartFormDataContent
        {
            { new StringContent(author.Token()), "__RequestVerificationToken" },
            { new ByteArrayContent(SamplePhotos.Jpeg(1600, 1200)), "Input.Upload", "thirteenth.jpg" },
            { new StringContent(Caption), "Input.Caption" },
            { new StringContent(Credit), "Input.Credit" },
            { new StringContent(AltText), "Input.AltText" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, FiguresPage) { Content = form };
        using var response = await author.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The contribution already has 12 pictures, the most it can have. Remove one before you add another.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(12, await Factory.WithDbAsync(db => db.ContributionFigures.CountAsync()));
    }

    [Fact]
    public async Task MoveAndRemove_ChangeTheOrderTheBookPrints_AndDropThePageCount()
    {
        var ids = await InsertFiguresAsync(3);
        await SetPageCountAsync(4);
        using var author = await SignedInAsync(laos);
        await author.OpenAsync(FiguresPage);

        await author.SubmitAsync($"#figure-{ids[0]} [data-testid=move-down]");
        Assert.Equal(["Picture B", "Picture A", "Picture C"], Captions(author));
        Assert.Equal(NotCounted, await PageCountAsync());

        await SetPageCountAsync(4);
        await author.SubmitAsync($"#figure-{ids[0]} [data-testid=remove]");

        Assert.Equal("The picture “Picture A” is removed.", author.Find("[role=status]"));
        Assert.Equal(["Picture B", "Picture C"], Captions(author));
        Assert.Equal([(ids[1], 0), (ids[2], 1)], await Factory.WithDbAsync(db => db.ContributionFigures.OrderBy(f => f.Position).Select(f => new ValueTuple<int, int>(f.Id, f.Position)).ToListAsync()));
        Assert.Equal([ids[1], ids[2]], await Factory.WithDbAsync(db => db.FigureImages.OrderBy(i => i.FigureId).Select(i => i.FigureId).ToListAsync()));
        Assert.Equal(NotCounted, await PageCountAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync($"/Catalogue/Figures/{ids[0]}")).StatusCode);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == nameof(AuditEvent.FigureRemoved) && e.Detail!.StartsWith("Picture A"))));
    }

    [Fact]
    public async Task OtherStatesObserversEntryCodesAndEditorsOfADraft_GetNotFound_AndVisitorsWithoutASessionTheEntryPage()
    {
        var figure = (await InsertFiguresAsync(1))[0];
        var versionBefore = await VersionAsync();
        using (var author = await SignedInAsync(laos))
        {
            Assert.Equal(HttpStatusCode.OK, (await author.GetAsync(FiguresPage)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/Catalogue/Figures/{figure}")).StatusCode);
            // The answer for a picture hidden from the visitor is the answer for one that does not exist.
            Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync($"/Catalogue/Figures/{figure + 1000}")).StatusCode);
        }

        using (var anonymous = new Browser(Factory))
        {
            foreach (var response in new[]
            {
                await anonymous.GetAsync(FiguresPage),
                await anonymous.GetAsync($"/Catalogue/Figures/{figure}"),
                await anonymous.PostAsync($"{FiguresPage}?handler=Remove&figure={Id(figure)}", []),
            })
            {
                Assert.True(Browser.IsRedirect(response), $"{response.RequestMessage!.RequestUri} answered {response.StatusCode}");
                Assert.Equal("/Entry", Browser.RedirectPath(response));
            }
        }

        var editor = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "ESP");
        await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == editor.Email).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsEditor, true)));
        var outsiders = new[]
        {
            await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "CHL"),
            await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-watch"),
            editor,
        };
        var browsers = new List<Browser>();
        foreach (var account in outsiders)
        {
            browsers.Add(await SignedInAsync(account));
        }

        browsers.Add(await EnteredWithTheStatesCodeForLaosAsync());
        foreach (var outsider in browsers)
        {
            using (outsider)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(FiguresPage)).StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Catalogue/Figures/{figure}")).StatusCode);
                await outsider.OpenAsync("/");
                var token = outsider.Token();
                foreach (var handler in new[] { "", "?handler=Remove&figure=" + Id(figure), "?handler=Move&figure=" + Id(figure) + "&up=false" })
                {
                    using var form = new MultipartFormDataContent
                    {
                        { new StringContent(token), "__RequestVerificationToken" },
                        { new ByteArrayContent(SamplePhotos.Jpeg(1200, 900)), "Input.Upload", "intruder.jpg" },
                        { new StringContent(Caption), "Input.Caption" },
                        { new StringContent(Credit), "Input.Credit" },
                        { new StringContent(AltText), "Input.AltText" },
                    };
                    using var request = new HttpRequestMessage(HttpMethod.Post, FiguresPage + handler) { Content = form };
                    using var response = await outsider.SendAsync(request);
                    Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                }
            }
        }

        Assert.Equal([figure], await Factory.WithDbAsync(db => db.ContributionFigures.Select(f => f.Id).ToListAsync()));
        Assert.Equal(versionBefore, await VersionAsync());
    }

    [Fact]
    public async Task MemberOfTheState_SeesThePicturesWithoutForms_AndCannotChangeThem()
    {
        var figure = (await InsertFiguresAsync(1))[0];
        using var member = await SignedInAsync(await TestAccounts.CreateAsync(Factory, PortalRole.Member, "LAO"));

        await member.OpenAsync(FiguresPage);

        Assert.Equal(["Picture A"], Captions(member));
        Assert.Empty(member.Page!.QuerySelectorAll("main form"));
        Assert.NotNull(member.Page!.QuerySelector("[data-testid=read-only]"));
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/Catalogue/Figures/{figure}")).StatusCode);
        await member.OpenAsync("/");
        var removal = await member.PostAsync($"{FiguresPage}?handler=Remove&figure={Id(figure)}", [new("__RequestVerificationToken", member.Token())]);
        Assert.Equal(HttpStatusCode.NotFound, removal.StatusCode);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ContributionFigures.CountAsync()));
    }

    [Fact]
    public async Task SubmittedContribution_ItsPicturesAreShownToItsFocalPointAndEditors_ButNoLongerChange()
    {
        var figure = (await InsertFiguresAsync(1))[0];
        await Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == contribution).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ContributionStatus.Submitted)));
        var editor = await TestAccounts.CreateAsync(Factory, PortalRole.Coordinator, "isu-test", twoFactor: true);

        using var author = await SignedInAsync(laos);
        await author.OpenAsync(FiguresPage);
        Assert.Equal(["Picture A"], Captions(author));
        Assert.Empty(author.Page!.QuerySelectorAll("main form"));
        var removal = await author.PostAsync($"{FiguresPage}?handler=Remove&figure={Id(figure)}", [new("__RequestVerificationToken", author.Token())]);
        Assert.Equal(HttpStatusCode.NotFound, removal.StatusCode);

        using var editing = await SignedInAsync(editor);
        await editing.OpenAsync(FiguresPage);
        Assert.Equal(["Picture A"], Captions(editing));
        Assert.Empty(editing.Page!.QuerySelectorAll("main form"));
        Assert.Equal(HttpStatusCode.OK, (await editing.GetAsync($"/Catalogue/Figures/{figure}")).StatusCode);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ContributionFigures.CountAsync()));
    }

    [Fact]
    public async Task HostileCaptionCreditAndDescription_AreShownAsText()
    {
        using var author = await SignedInAsync(laos);

        await AddAsync(author, "harbour.jpg", SamplePhotos.Jpeg(1200, 900), HostileInput.Corpus[1], HostileInput.Corpus[4], HostileInput.Corpus[5]);

        Assert.Equal(HostileInput.Corpus[1], author.Find("[data-testid=caption]"));
        HostileInput.AssertInert(author.Page!.QuerySelector("[data-testid=figures]")!);
        await author.OpenAsync($"/Catalogue/Contributions/{contribution}");
        HostileInput.AssertInert(author.Page!.QuerySelector("[data-testid=chapter]")!);
        Assert.Equal(HostileInput.Corpus[5], author.Page!.QuerySelector("[data-testid=chapter] figure img")?.GetAttribute("alt"));
    }

    private async Task<HttpResponseMessage> AddAsync(Browser browser, string? fileName, byte[]? content, string caption, string credit, string altText)
    {
        await browser.OpenAsync(FiguresPage);
        return await browser.SubmitAsync("[data-testid=add-figure]", new FormFill
        {
            Values = new Dictionary<string, string> { ["Input.Caption"] = caption, ["Input.Credit"] = credit, ["Input.AltText"] = altText },
            Files = fileName is null ? null : new Dictionary<string, (string, byte[])> { ["Input.Upload"] = (fileName, content!) },
            Multipart = true,
        });
    }

    /// <summary>Pictures "Picture A", "Picture B", … stored as an upload would store them; their ids in order.</summary>
    private Task<List<int>> InsertFiguresAsync(int count) => Factory.WithDbAsync(async db =>
    {
        var figures = Enumerable.Range(0, count).Select(i =>
        {
            var figure = CatalogueSteps.Figure($"Picture {(char)('A' + i)}", Credit, AltText, position: i);
            figure.ContributionId = contribution;
            return figure;
        }).ToList();
        db.ContributionFigures.AddRange(figures);
        await db.SaveChangesAsync();
        return figures.Select(f => f.Id).ToList();
    });

    private async Task<Browser> SignedInAsync(TestAccount account)
    {
        var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        return browser;
    }

    /// <summary>A visitor with the States' entry code who says they are from Laos: that declares, and gives no right.</summary>
    private async Task<Browser> EnteredWithTheStatesCodeForLaosAsync()
    {
        var code = await Factory.WithServicesAsync(sp => sp.GetRequiredService<EntryCodeStore>().RotateAsync(CodeAudience.States, "test"));
        var browser = new Browser(Factory);
        await browser.OpenAsync("/Entry");
        await browser.SubmitAsync("form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Visiting delegate",
            ["Input.Email"] = "delegate@mission.test",
            ["Input.ParticipantId"] = Id(laos.ParticipantId),
            ["Input.Code"] = code,
        });
        Assert.Contains("read-only", browser.Find("[data-testid=who]") ?? "", StringComparison.Ordinal);
        return browser;
    }

    private static string[] Captions(Browser browser) =>
        [.. browser.Page!.QuerySelectorAll("[data-testid=figure] [data-testid=caption]").Select(c => c.TextContent.Trim())];

    private Task SetPageCountAsync(int pages) => Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == contribution)
        .ExecuteUpdateAsync(s => s.SetProperty(c => c.LaidOutPages, pages).SetProperty(c => c.LaidOutPagesWithPictures, pages + 1)));

    private Task<(int?, int?)> PageCountAsync() => Factory.WithDbAsync(async db =>
    {
        var c = await db.Contributions.AsNoTracking().SingleAsync(c => c.Id == contribution);
        return (c.LaidOutPages, c.LaidOutPagesWithPictures);
    });

    private Task<int> VersionAsync() => Factory.WithDbAsync(db => db.Contributions.Where(c => c.Id == contribution).Select(c => c.Version).SingleAsync());

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
