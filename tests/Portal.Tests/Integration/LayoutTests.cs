using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>What every page's frame says: where the person is.</summary>
public sealed class LayoutTests : PortalTest
{
    [Theory]
    [InlineData("/", "Home")]
    [InlineData("/Postings", "Postings")]
    [InlineData("/Postings/Mine", "Postings")]
    [InlineData("/Participants", "Participants")]
    [InlineData("/Account/Manage/TwoFactor", "My account")]
    public async Task Navigation_MarksTheCurrentSection_AndOnlyIt(string path, string section)
    {
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var browser = new Browser(Factory);
        await browser.SignInAsync(Factory, focal);

        await browser.OpenAsync(path);

        var current = browser.Page!.QuerySelectorAll("nav[aria-label=Main] a[aria-current]").ToList();
        Assert.Equal(section, Assert.Single(current).TextContent.Trim());
        Assert.Equal("page", current[0].GetAttribute("aria-current"));
    }
}
