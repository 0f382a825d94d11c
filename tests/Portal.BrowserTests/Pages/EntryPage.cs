using Microsoft.Playwright;

namespace Portal.BrowserTests.Pages;

/// <summary>/Entry: sign in, request access, or enter with the shared entry code.</summary>
public static class EntryPage
{
    public static ILocator EnterButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Enter the portal" });

    public static async Task EnterWithCodeAsync(IPage page, Visitor visitor, string code)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(visitor);
        await page.GetByLabel("Your name").FillAsync(visitor.Name);
        await page.GetByLabel("Your e-mail address").FillAsync(visitor.Email);
        await page.GetByLabel("You act for").SelectOptionAsync(new SelectOptionValue { Label = visitor.Participant });
        await page.GetByLabel("Entry code", new() { Exact = true }).FillAsync(code);
        await EnterButton(page).ClickAsync();
    }
}
