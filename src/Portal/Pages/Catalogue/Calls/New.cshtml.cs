using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Features.Catalogue;

namespace Portal.Pages.Catalogue.Calls;

/// <summary>An editor opens a call: saved as a draft first, or published at once.</summary>
public sealed class NewModel(CatalogueVisitors visitors, CallCommands commands) : PageModel
{
    [BindProperty]
    public CallForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => (await visitors.CurrentAsync()).IsEditor ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(bool publish)
    {
        if (!(await visitors.CurrentAsync()).IsEditor)
        {
            return NotFound();
        }

        var call = CallForm.NewCall();
        if (!Input.TryApply(call, ModelState, nameof(Input)))
        {
            return Page();
        }

        await commands.CreateAsync(call, publish);
        TempData["Status"] = publish
            ? $"The call “{call.Title}” is published. States' focal points are told by e-mail when it opens."
            : $"The call “{call.Title}” is saved as a draft. Only editors see it until you publish it.";
        return RedirectToPage("Show", new { id = call.Id });
    }
}
