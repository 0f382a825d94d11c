using Microsoft.Playwright;

namespace Portal.BrowserTests.Pages;

/// <summary>/Account/Invitation?token=…: the invited person chooses a password.</summary>
public static class InvitationPage
{
    public static async Task SetPasswordAsync(IPage page, string password)
    {
        await FillPasswordAsync(page, password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
    }

    /// <summary>The two password fields, shared with the page that resets a password.</summary>
    public static async Task FillPasswordAsync(IPage page, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("New password, again").FillAsync(password);
    }
}
