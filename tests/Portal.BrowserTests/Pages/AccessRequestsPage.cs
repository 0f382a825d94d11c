using Microsoft.Playwright;

namespace Portal.BrowserTests.Pages;

/// <summary>/Admin/Requests: the coordinator's queue of access requests, one card (region) per waiting request.</summary>
public static class AccessRequestsPage
{
    public static ILocator RequestFrom(IPage page, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        // A waiting request is a region with an Invite button; the table of decided requests is a region too.
        return page.GetByRole(AriaRole.Region).Filter(new() { HasText = email })
            .Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }) });
    }

    public static async Task InviteAsync(IPage page, string email, string roleLabel)
    {
        var request = RequestFrom(page, email);
        await request.GetByLabel("Invite to an account as").SelectOptionAsync(new SelectOptionValue { Label = roleLabel });
        await request.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
    }
}
