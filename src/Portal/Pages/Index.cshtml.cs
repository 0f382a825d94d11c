using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
