using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages.Postings;

/// <summary>What the downloads of a search hold: the columns and the IATI mapping, printed from the code that writes them.</summary>
public sealed class OpenDataModel : PageModel
{
}
