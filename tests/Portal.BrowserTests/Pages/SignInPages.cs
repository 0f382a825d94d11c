using Microsoft.Playwright;

namespace Portal.BrowserTests.Pages;

/// <summary>/Account/SignIn and its second step, /Account/SignInTwoFactor.</summary>
public static class SignInPages
{
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public static async Task AnswerSecondStepAsync(IPage page, string code)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("Authenticator code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }
}
