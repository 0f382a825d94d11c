using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Features.Access;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

/// <summary>
/// The Word template of a need, an offer or an experience (<see cref="PostingWordTemplate"/>), for those who import
/// and publish: they send it to States that prefer to write in Word, and import it when it comes back.
/// </summary>
public sealed class TemplateModel(Readers readers) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string kind)
    {
        if (!(await readers.CurrentAsync()).MayPublish)
        {
            return RedirectToPage("/Postings/WhoPublishes");
        }

        if (PostingWordTemplate.KindOf(kind) is not { } chosen)
        {
            return NotFound();
        }

        return File(PostingWordDocument.Create(chosen), PostingWordTemplate.ContentType, PostingWordTemplate.FileName(chosen));
    }
}
