using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Accounts;

namespace Portal.Pages.People;

/// <summary>
/// Changes the role of one of the State's people (member or focal point), which ends their sessions so that the new role
/// applies at once. A focal point may make themselves a member, unless they are the State's last active focal point.
/// Someone else's person is 404; a role the reader may not give is refused here and again by <see cref="AccountAdmin.ChangeRoleAsync"/>.
/// </summary>
public sealed class RoleModel(PeoplePages pages, AccountAdmin accounts) : PageModel
{
    public PortalUser Person { get; private set; } = null!;

    public bool IsYou { get; private set; }

    public IReadOnlyList<PortalRole> Roles { get; private set; } = [];

    public string ListPath { get; private set; } = "";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        /// <summary>Read as text and checked against the roles the reader may give, so that anything else gets the page's own message.</summary>
        public string? Role { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string code, string id)
    {
        if (await pages.PersonAsync(code, id) is not var (person, reader))
        {
            return NotFound();
        }

        Show(person, reader);
        Input.Role = person.Role.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, string id)
    {
        if (await pages.PersonAsync(code, id) is not var (person, reader))
        {
            return NotFound();
        }

        Show(person, reader);
        if (!Enum.TryParse<PortalRole>(Input.Role, out var role) || Input.Role != role.ToString() || !Roles.Contains(role))
        {
            ModelState.AddModelError("Input.Role", InviteModel.RoleMissing);
            return Page();
        }

        var before = person.Role;
        if (await accounts.ChangeRoleAsync(reader, person.Id, role) is { } error)
        {
            ModelState.AddModelError("Input.Role", error);
            return Page();
        }

        TempData["Status"] = role == before ? $"The role of {person.FullName} stays {RoleLabels.Label(role).ToLowerInvariant()}: nothing changed."
            : IsYou ? $"You are now {RoleLabels.WithArticle(role)} and have been signed out, so that your new role applies when you sign in again."
            : $"{person.FullName} is now {RoleLabels.WithArticle(role)}; their sessions have ended, so that the new role applies at once.";
        return Redirect(role != before && IsYou ? "/" : ListPath);
    }

    private void Show(PortalUser person, Reader reader)
    {
        Person = person;
        IsYou = person.Id == reader.UserId;
        ListPath = PeoplePages.ListPath(reader, person.Participant!);
        Roles = PeopleRights.RolesToGive(reader, person.Participant!)
            .OrderBy(r => r switch { PortalRole.Member or PortalRole.Observer => 0, PortalRole.FocalPoint => 1, _ => 2 }).ToList();
    }
}
