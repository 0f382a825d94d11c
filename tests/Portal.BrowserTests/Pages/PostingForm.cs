using Microsoft.Playwright;

namespace Portal.BrowserTests.Pages;

/// <summary>The posting form (New, Edit) and the pages around it, as a person fills them in.</summary>
public static class PostingForm
{
    public static async Task FillCoreAsync(IPage page, string title, string summary, string area, string country, string contact)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Summary", new() { Exact = true }).FillAsync(summary);
        await page.GetByLabel(area).CheckAsync();
        await page.GetByLabel("Countries concerned").SelectOptionAsync(new SelectOptionValue { Label = country });
        await page.GetByLabel("Contact point").FillAsync(contact);
        // A text with something under its heading, so that publishing does not stop to warn about empty sections.
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync($"## What is needed\n\n{summary}\n");
    }

    public static ILocator Button(IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public static async Task AttachAsync(IPage page, string fileName, string mimeType, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("File to attach").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = mimeType, Buffer = content });
        await Button(page, "Attach").ClickAsync();
    }
}
