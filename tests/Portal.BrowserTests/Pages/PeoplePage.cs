using Microsoft.Playwright;

namespace Portal.BrowserTests.Pages;

/// <summary>/People/{code} and /People/{code}/Invite: a State's focal point and its people.</summary>
public static class PeoplePage
{
    public static ILocator RowOf(IPage page, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.GetByTestId("people").Locator("tbody tr").Filter(new() { HasText = email });
    }

    public static async Task FillInvitationAsync(IPage page, string name, string email, string roleLabel)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByRole(AriaRole.Radio, new() { Name = roleLabel, Exact = true }).CheckAsync();
    }

    public static ILocator SendButton(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" });
    }
}
