using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Features.Access;
using Portal.Features.Postings;

namespace Portal.Pages.Participants;

/// <summary>Who has published, with counts per kind: only postings this reader may see are counted.</summary>
public sealed class IndexModel(Readers readers, PostingSearch search) : PageModel
{
    public IReadOnlyList<PublisherRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() => Rows = await search.PublishersAsync(await readers.CurrentAsync());
}
