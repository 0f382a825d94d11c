using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Accounts;

namespace Portal.Pages.People;

/// <summary>The confirmation after an invitation: who was invited, and what happens next. Someone else's person is 404.</summary>
public sealed class InvitedModel(PeoplePages pages) : PageModel
{
    public PortalUser Person { get; private set; } = null!;

    public string ListPath { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, string id)
    {
        if (await pages.PersonAsync(code, id) is not var (person, reader))
        {
            return NotFound();
        }

        Person = person;
        ListPath = PeoplePages.ListPath(reader, person.Participant!);
        return Page();
    }
}
