using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.OpenData;
using Portal.Features.Postings;

namespace Portal.Pages.Postings;

/// <summary>
/// The open-data downloads of a search: the same query string as /Postings (without the page), every posting it finds
/// for this reader, as CSV, JSON or IATI XML. Open to whoever may search, as the search page is.
/// </summary>
public sealed class ExportModel(Readers readers, PostingExport export, TimeProvider time) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Text { get; set; }

    [FromQuery(Name = "kind")]
    public PostingKind? Kind { get; set; }

    [FromQuery(Name = "area")]
    public CcmAreas Area { get; set; }

    [FromQuery(Name = "type")]
    public AssistanceTypes Type { get; set; }

    [FromQuery(Name = "role")]
    public CooperationRole? Role { get; set; }

    [FromQuery(Name = "modality")]
    public CooperationModalities Modality { get; set; }

    [FromQuery(Name = "region")]
    public Regions Region { get; set; }

    [FromQuery(Name = "country")]
    public string? Country { get; set; }

    [FromQuery(Name = "participant")]
    public string? Participant { get; set; }

    [FromQuery(Name = "since")]
    public DateOnly? Since { get; set; }

    [FromQuery(Name = "sort")]
    public SortOrder? Sort { get; set; }

    public async Task<IActionResult> OnGetAsync(string format)
    {
        if (format is not ("csv" or "json" or "iati"))
        {
            return NotFound();
        }

        var reader = await readers.CurrentAsync();
        var sort = Sort ?? (string.IsNullOrWhiteSpace(Text) ? SortOrder.Newest : SortOrder.Relevance);
        var query = new SearchQuery(Text, Kind, Area, Type, Region, Country, Participant, Since, sort, 1)
        { Role = Role, Modality = Modality }.Normalized();
        var batch = await export.LoadAsync(query, reader, format == "iati" ? PostingExport.IatiKinds : null);
        var day = PostingCsv.IsoDate(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        // RFC 4180 has no place for a note: a CSV cut short says so in its name (the JSON and XML say it inside).
        var cut = batch.IsCut ? $"-first-{PostingExport.MaxRows}" : "";
        Response.Headers.Link = "</Postings/OpenData>; rel=\"describedby\"";
        if (format == "iati" && !batch.Rows.Any(r => PostingExport.IatiKinds.Contains(r.Kind)))
        {
            // An IATI file holds one activity at least: a search without offers or experiences gets a page saying so.
            Search = SearchUrl();
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        return format switch
        {
            "csv" => File(PostingCsv.Write(batch), PostingCsv.MediaType, $"ccm-postings-{day}{cut}.csv"),
            "json" => File(PostingJson.Write(batch, SearchUrl()), PostingJson.MediaType, $"ccm-postings-{day}.json"),
            _ => File(IatiActivities.Write(batch), IatiActivities.MediaType, $"ccm-iati-activities-{day}.xml"),
        };
    }

    /// <summary>The search, for the page that says it has nothing to export as IATI.</summary>
    public string? Search { get; private set; }

    /// <summary>The search page these postings came from, for the JSON's "search".</summary>
    private string SearchUrl() => "/Postings" + Request.QueryString.Value;
}
