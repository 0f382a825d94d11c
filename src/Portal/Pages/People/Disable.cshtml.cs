using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Accounts;

namespace Portal.Pages.People;

/// <summary>
/// Asks before disabling one of the State's people, since it ends their sessions at once; then disables the account. A
/// focal point may disable their own account too, unless they are the State's last active focal point: then the page
/// says why not instead of asking. Someone else's person is 404.
/// </summary>
public sealed class DisableModel(PeoplePages pages, AccountAdmin accounts) : PageModel
{
    public PortalUser Person { get; private set; } = null!;

    public bool IsYou { get; private set; }

    /// <summary>Why the account may not be disabled; the page shows it instead of the button.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The coordinator disabling a State's last active focal point is warned that nobody would be left to act for it.</summary>
    public bool LeavesNoFocalPoint { get; private set; }

    /// <summary>A focal point who disables a colleague's account: the colleague is told by e-mail (<see cref="AccountAdmin.SetDisabledAsync"/>).</summary>
    public bool TellsThePerson { get; private set; }

    public string ListPath { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, string id)
    {
        if (await pages.PersonAsync(code, id) is not var (person, reader))
        {
            return NotFound();
        }

        ListPath = PeoplePages.ListPath(reader, person.Participant!);
        if (person.IsDisabled)
        {
            TempData["Status"] = $"The account of {person.FullName} is already disabled.";
            return Redirect(ListPath);
        }

        Person = person;
        IsYou = person.Id == reader.UserId;
        Refusal = await accounts.WhyNotDisableAsync(reader, person);
        TellsThePerson = !IsYou && !reader.IsCoordinator && person.IsActivated;
        LeavesNoFocalPoint = !IsYou && person.Role == PortalRole.FocalPoint && person.IsActivated && await accounts.IsLastFocalPointAsync(person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string id)
    {
        if (await pages.PersonAsync(code, id) is not var (person, reader))
        {
            return NotFound();
        }

        var you = person.Id == reader.UserId;
        var error = await accounts.SetDisabledAsync(reader, person.Id, disabled: true);
        TempData["Status"] = error
            ?? (you ? "Your account is disabled and you have been signed out." : $"{person.FullName} can no longer sign in; their sessions have ended.");
        // Disabling one's own account ends this very session: the start page then asks to sign in.
        return Redirect(error is null && you ? "/" : PeoplePages.ListPath(reader, person.Participant!));
    }
}
