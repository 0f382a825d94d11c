using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Accounts;

namespace Portal.Pages.People;

/// <summary>
/// Asks before cancelling an invitation nobody has used yet; then removes the account, so that its link no longer works
/// and the address may be invited again. Used by a State's focal points and by the coordinator. Someone else's person is 404.
/// </summary>
public sealed class CancelModel(PeoplePages pages, AccountInvitations invitations) : PageModel
{
    public PortalUser Person { get; private set; } = null!;

    /// <summary>Why the invitation cannot be cancelled (its password is set); the page shows it instead of the button.</summary>
    public string? Refusal { get; private set; }

    public string ListPath { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, string id)
    {
        if (await pages.PersonAsync(code, id) is not var (person, reader))
        {
            return NotFound();
        }

        Person = person;
        ListPath = PeoplePages.ListPath(reader, person.Participant!);
        Refusal = AccountInvitations.WhyNotCancel(person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string id)
    {
        if (await pages.PersonAsync(code, id) is not var (person, reader))
        {
            return NotFound();
        }

        var (name, list) = (person.FullName, PeoplePages.ListPath(reader, person.Participant!));
        TempData["Status"] = await invitations.CancelInvitationAsync(reader, person.Id)
            ?? $"The invitation of {name} is cancelled: its link no longer works.";
        return Redirect(list);
    }
}
