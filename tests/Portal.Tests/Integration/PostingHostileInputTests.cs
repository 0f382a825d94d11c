using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>Whatever people type is stored as typed and shown as text, on every page that shows it.</summary>
public sealed class PostingHostileInputTests : PortalTest
{
    [Fact]
    public async Task HostileText_InEveryField_IsStoredAsGiven_AndInertOnEveryPage()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "CHE");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        using var reader = new Browser(Factory);
        await reader.SignInAsync(Factory, member);

        foreach (var (hostile, index) in HostileInput.Corpus.Select((h, i) => (h, i)))
        {
            var oneLine = hostile.Replace("\n\n", " ", StringComparison.Ordinal);
            var draft = new PostingSteps.Draft
            {
                Title = Cut($"{index} {oneLine}", PostingLimits.Title),
                // A summary is at least a sentence long; the hostile text comes first.
                Summary = Cut($"{oneLine}, said in a sentence long enough for a summary.", PostingLimits.Summary),
                Body = $"## {oneLine}\n\n{hostile}\n\n- {oneLine}\n",
                Period = Cut(oneLine, PostingLimits.Period),
                ContactPoint = Cut(hostile, PostingLimits.ContactPoint),
            };
            var id = await owner.PublishAsync(draft);

            var stored = await Factory.WithDbAsync(db => db.Postings.AsNoTracking().SingleAsync(p => p.Id == id));
            Assert.Equal(draft.Title.Trim(), stored.Title);
            Assert.Equal(draft.Summary.Trim(), stored.Summary);
            Assert.Equal(draft.Body, stored.Body);
            Assert.Equal(draft.Period!.Trim(), stored.Period);
            Assert.Equal(draft.ContactPoint.Trim(), stored.ContactPoint);

            // A second version, so that the history and its diff show the text too.
            await owner.OpenAsync($"/Postings/{id}/Edit");
            await owner.SubmitAsync("form.stack", new Dictionary<string, string> { ["Input.Body"] = draft.Body + "\n" + hostile + "\n" });
            foreach (var page in new[]
            {
                $"/Postings/{id}", "/Postings", "/Postings?q=" + Uri.EscapeDataString(Cut(oneLine, 100)), $"/Postings/{id}/Versions",
                $"/Postings/{id}/Versions?v=1", "/Participants", "/Participants/LAO",
            })
            {
                AssertPageInert(await reader.OpenAsync(page), page, hostile);
            }

            foreach (var page in new[] { $"/Postings/{id}/Edit", "/Postings/Mine", $"/Postings/{id}/Renew", $"/Postings/{id}/Withdraw" })
            {
                AssertPageInert(await owner.OpenAsync(page), page, hostile);
            }

            // The preview renders the same way.
            await owner.OpenAsync($"/Postings/{id}/Edit");
            await owner.SubmitAsync("form.stack", new FormFill { Button = "button[formaction*=Preview]" });
            Assert.NotNull(owner.Page!.QuerySelector("section.preview"));
            AssertPageInert(owner.Page!, "preview", hostile);
        }
    }

    [Fact]
    public async Task VeryLongFields_AreRefusedWithTheLimit_AndNothingIsSaved()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, lao);
        await owner.OpenAsync("/Postings/New?kind=Need");
        var draft = new PostingSteps.Draft
        {
            Title = new string('T', 10_000),
            Summary = new string('S', 5_000),
            Body = new string('B', PostingLimits.Body + 1),
            Period = new string('P', 500),
            ContactPoint = new string('C', 5_000),
        };
        await owner.SubmitAsync("form.stack", new FormFill { Values = draft.Values(), Lists = draft.Lists() });
        var errors = owner.Page!.QuerySelectorAll("[data-testid=errors] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("The title is 10000 characters long; keep it to 200.", errors);
        Assert.Contains(errors, e => e.StartsWith("The summary is 5000 characters long", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Keep the period to 100 characters", StringComparison.Ordinal));
        Assert.Contains("Keep the contact point to 500 characters.", errors);
        Assert.Contains(errors, e => e.StartsWith("The text is 100,001 characters long", StringComparison.Ordinal));
        // What was typed is still in the form.
        Assert.Equal(10_000, owner.Page.QuerySelector("#Input_Title")!.GetAttribute("value")!.Length);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Postings.CountAsync()));
    }

    private static void AssertPageInert(IDocument page, string address, string hostile)
    {
        Assert.True(page.QuerySelectorAll("script, iframe, object, embed, svg, style, base").Length == 0,
            $"{address} has active elements after posting {hostile[..Math.Min(40, hostile.Length)]}");
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        HostileInput.AssertInert(page.QuerySelector("main")!);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
