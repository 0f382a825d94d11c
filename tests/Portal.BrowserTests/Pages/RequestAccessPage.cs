using Microsoft.Playwright;

namespace Portal.BrowserTests.Pages;

/// <summary>/Access/Request: the form a new delegate sends to the coordinator.</summary>
public static class RequestAccessPage
{
    public static ILocator SendButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Send request" });

    public static async Task SendAsync(IPage page, Visitor visitor, string note)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(visitor);
        await page.GetByLabel("Full name").FillAsync(visitor.Name);
        await page.GetByLabel("Work e-mail address").FillAsync(visitor.Email);
        await page.GetByLabel("State or organisation").SelectOptionAsync(new SelectOptionValue { Label = visitor.Participant });
        await page.GetByLabel("Position").FillAsync(visitor.Position);
        await page.GetByLabel("Note to the coordinator").FillAsync(note);
        await SendButton(page).ClickAsync();
    }
}
