using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>"Published by" offers only who has published something this reader may see: short, and leaking nothing.</summary>
public sealed class PublisherFilterTests : PortalTest
{
    [Fact]
    public async Task PublishedBy_ListsOnlyPublishersWithPostingsTheReaderMaySee()
    {
        var lao = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        var lbn = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LBN");
        var observer = await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-reader");
        var member = await TestAccounts.CreateAsync(Factory, PortalRole.Member, "NOR");
        using (var owner = new Browser(Factory))
        {
            await owner.SignInAsync(Factory, lao);
            await owner.PublishAsync(new PostingSteps.Draft { Title = "Open to observers" });
        }

        using (var owner = new Browser(Factory))
        {
            await owner.SignInAsync(Factory, lbn);
            await owner.PublishAsync(new PostingSteps.Draft { Title = "For States only", Countries = ["LBN"], Visibility = Visibility.StatesOnly });
        }

        Assert.Equal(["Lao People's Democratic Republic", "Lebanon"], await PublishersAsync(member));
        // The observer is not told that Lebanon has published anything.
        Assert.Equal(["Lao People's Democratic Republic"], await PublishersAsync(observer));
    }

    private async Task<string[]> PublishersAsync(TestAccount account)
    {
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, account);
        await browser.OpenAsync("/Postings");
        return [.. browser.Page!.QuerySelectorAll("select[name=participant] option").Where(o => o.GetAttribute("value") is { Length: > 0 }).Select(o => o.TextContent.Trim())];
    }
}
