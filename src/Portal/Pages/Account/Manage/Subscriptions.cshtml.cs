using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data;
using Portal.Features.Subscriptions;

namespace Portal.Pages.Account.Manage;

/// <summary>
/// The account holder's subscriptions to new postings: which kinds, areas and regions, and whether at once or once a
/// week. Each e-mail lists only what the account may see when it is sent (<see cref="SubscriptionDigest"/>).
/// </summary>
public sealed class SubscriptionsModel(UserManager<PortalUser> users, PortalDbContext db, TimeProvider time) : SubscriptionsPage(db, time)
{
    public override string BackPath => "/Account/Manage";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return NotFound();
        }

        await LoadAsync(SubscriptionHolder.Account(account.Id));
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return NotFound();
        }

        return await AddAsync(SubscriptionHolder.Account(account.Id)) ? RedirectToPage() : Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return NotFound();
        }

        // Only the account's own: anyone else's number is not found.
        return await RemoveAsync(SubscriptionHolder.Account(account.Id), id) ? RedirectToPage() : NotFound();
    }
}
