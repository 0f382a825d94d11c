using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.EntryCodes;
using Portal.Features.Subscriptions;

namespace Portal.Pages.Holder;

/// <summary>
/// A code holder's subscriptions to new postings, reached through the link in their code e-mails and digests (no
/// account, no sign-in). The link names the holding; once it is revoked or dropped, the link opens nothing, and its
/// subscriptions went with it. The e-mails list what the holder's code lets them read (<see cref="SubscriptionDigest"/>).
/// </summary>
public sealed class SubscriptionsModel(CodeHolderLinks links, PortalDbContext db, TimeProvider time) : SubscriptionsPage(db, time)
{
    [BindProperty(SupportsGet = true, Name = "token")]
    public string? LinkToken { get; set; }

    public override string? Token => LinkToken;

    public override string BackPath => "/Entry";

    /// <summary>The audience whose code the holder holds; null when the link opens nothing.</summary>
    public CodeAudience? Audience { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await HolderAsync() is not { } holder)
        {
            return Page();
        }

        await LoadAsync(holder);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await HolderAsync() is not { } holder)
        {
            return Page();
        }

        return await AddAsync(holder) ? RedirectToPage(new { token = LinkToken }) : Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        if (await HolderAsync() is not { } holder)
        {
            return Page();
        }

        return await RemoveAsync(holder, id) ? RedirectToPage(new { token = LinkToken }) : NotFound();
    }

    /// <summary>The current holding the link names, or null (changed, made up, expired, or the holding ended).</summary>
    private async Task<SubscriptionHolder?> HolderAsync()
    {
        if (links.ReadSubscriptions(LinkToken) is not int id)
        {
            return null;
        }

        Audience = await Db.CodeHolders.AsNoTracking().Where(h => h.Id == id && h.RevokedAt == null)
            .Select(h => (CodeAudience?)h.Audience).SingleOrDefaultAsync();
        return Audience is null ? null : SubscriptionHolder.CodeHolder(id);
    }
}
