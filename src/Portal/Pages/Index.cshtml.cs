using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Features.Postings;

namespace Portal.Pages;

public sealed class IndexModel(Readers readers) : PageModel
{
    public bool MayPublish { get; private set; }

    public async Task OnGetAsync() => MayPublish = (await readers.CurrentAsync()).MayPublish;
}
