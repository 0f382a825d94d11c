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
        await ChooseCountryAsync(page, country);
        await page.GetByLabel("Contact point").FillAsync(contact);
        // A text with something under its heading, so that publishing does not stop to warn about empty sections.
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync($"## What is needed\n\n{summary}\n");
    }

    /// <summary>Opens the region in the country picker and ticks the country, or "The whole of" the region.</summary>
    public static async Task ChooseCountryAsync(IPage page, string country)
    {
        ArgumentNullException.ThrowIfNull(page);
        var box = page.GetByRole(AriaRole.Checkbox, new() { Name = country, Exact = true });
        // In a closed region the box is hidden, so it is looked for among hidden ones too.
        var region = page.Locator("details.region").Filter(new()
        {
            Has = page.GetByRole(AriaRole.Checkbox, new() { Name = country, Exact = true, IncludeHidden = true }),
        });
        if (await region.GetAttributeAsync("open") is null)
        {
            await region.Locator("summary").ClickAsync();
        }

        await box.CheckAsync();
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
