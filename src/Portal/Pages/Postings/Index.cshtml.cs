using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Cooperation;
using Portal.Features.OpenData;
using Portal.Features.Participants;
using Portal.Features.Postings;
using Portal.Infrastructure.Caching;
using Portal.Infrastructure.Forms;

namespace Portal.Pages.Postings;

/// <summary>The list and the search are one page: everything is in the query string, so a search can be bookmarked and shared.</summary>
public sealed class IndexModel(PortalDbContext db, Readers readers, PostingSearch search, ChangeStamps stamps, ReadCache cache)
    : PageModel
{
    // The filters' choices, written by SelectOptions: an option tag helper per element cost more than the rest of
    // the page's rendering.
    public static readonly IReadOnlyList<(string, string)> KindChoices =
        [.. Enum.GetValues<PostingKind>().Select(k => (k.ToString(), k.Plural()))];

    public static readonly IReadOnlyList<(string, string)> AreaChoices = [.. PostingLabels.AllAreas.Select(a => (a.ToString(), a.Label()))];

    public static readonly IReadOnlyList<(string, string)> TypeChoices =
        [.. PostingLabels.AllAssistanceTypes.Select(t => (t.ToString(), t.Label()))];

    public static readonly IReadOnlyList<(string, string)> RoleChoices = [.. CooperationLabels.AllRoles.Select(r => (r.ToString(), r.Label()))];

    public static readonly IReadOnlyList<(string, string)> ModalityChoices =
        [.. CooperationLabels.AllModalities.Select(m => (m.ToString(), m.Label()))];

    public static readonly IReadOnlyList<(string, string)> RegionChoices = [.. PostingLabels.AllRegions.Select(g => (g.ToString(), g.Label()))];

    public static readonly IReadOnlyList<(string, string)> SortChoices =
        [("Relevance", "Relevance"), ("Newest", "Newest"), ("ExpiringSoon", "Expiring soon")];

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

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchResult Result { get; private set; } = new([], 0, 1, 1);

    /// <summary>The "Country concerned" options, with the chosen one selected.</summary>
    public IHtmlContent CountryOptions { get; private set; } = HtmlString.Empty;

    /// <summary>The "Published by" options, with the chosen one selected.</summary>
    public IHtmlContent PublisherOptions { get; private set; } = HtmlString.Empty;

    public bool MayPublish { get; private set; }

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Text) || Kind is not null || Area != CcmAreas.None
        || Type != AssistanceTypes.None || Role is not null || Modality != CooperationModalities.None
        || Region != Regions.None || !string.IsNullOrEmpty(Country)
        || !string.IsNullOrEmpty(Participant) || Since is not null;

    /// <summary>How many filters apply (the search words and the order are not filters).</summary>
    public int ActiveFilters => new[]
    {
        Kind is not null, Area != CcmAreas.None, Type != AssistanceTypes.None, Role is not null,
        Modality != CooperationModalities.None, Region != Regions.None,
        !string.IsNullOrEmpty(Country), !string.IsNullOrEmpty(Participant), Since is not null,
    }.Count(active => active);

    public string FilterSummary => ActiveFilters switch
    {
        0 => "Filter and sort",
        1 => "Filter and sort: 1 filter applies",
        var n => $"Filter and sort: {n} filters apply",
    };

    /// <summary>"23 postings match · page 1 of 2": whole phrases for every count, filtered or not.</summary>
    public string CountText
    {
        get
        {
            var r = Result;
            var max = SearchQuery.MaxCounted.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            var total = r.Total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            var count = (IsFiltered, r.IsCapped, r.Total) switch
            {
                (false, true, _) => $"More than {max} postings",
                (true, true, _) => $"More than {max} postings match",
                (false, _, 0) => "No postings",
                (true, _, 0) => "No postings match",
                (false, _, 1) => "1 posting",
                (true, _, 1) => "1 posting matches",
                (false, _, _) => $"{total} postings",
                (true, _, _) => $"{total} postings match",
            };
            return r.Pages > 1 ? $"{count} · page {r.Page} of {r.Pages}" : count;
        }
    }

    public SortOrder EffectiveSort => Sort ?? (string.IsNullOrWhiteSpace(Text) ? SortOrder.Newest : SortOrder.Relevance);

    public async Task OnGetAsync()
    {
        var reader = await readers.CurrentAsync();
        MayPublish = reader.MayPublish;
        var query = new SearchQuery(Text, Kind, Area, Type, Region, Country, Participant, Since, EffectiveSort, PageNumber)
        { Role = Role, Modality = Modality }.Normalized();
        (Kind, Role, Country, Participant) = (query.Kind, query.Role, query.Country, query.Participant);
        Result = await search.RunAsync(query, reader);
        if (Result.IsKept)
        {
            // Text without a searchable word ("!!!") searches nothing, so the box is shown empty: the kept HTML of
            // this list must not carry one reader's typing to the next.
            Text = null;
        }

        // Countries: every State, kept until a participant changes. "Published by": only who has published something
        // this reader may see (kept per audience with the lists).
        var countries = await cache.GetOrLoadAsync(CountryChoices.Key, (await stamps.CurrentAsync()).Postings, async () =>
            (new CountryChoices([.. await db.Participants.AsNoTracking().Where(p => p.Kind == ParticipantKind.State).OrderBy(p => p.Name)
                .Select(p => new ValueTuple<string, string>(p.Code, p.Name)).ToListAsync()]), DateTimeOffset.MaxValue));
        CountryOptions = Country is null ? countries.Unselected : SelectOptions.Render(countries.Countries, code => code == Country);
        var publishers = (await search.PublishersAsync(reader)).Select(p => (p.Code, p.Name)).ToList();
        PublisherOptions = SelectOptions.Render(publishers, code => code == Participant);
    }

    /// <summary>The States the country filter offers, with their options already written for the usual case: none chosen.</summary>
    private sealed record CountryChoices(IReadOnlyList<(string Code, string Name)> Countries)
    {
        public static readonly object Key = typeof(CountryChoices);

        public IHtmlContent Unselected { get; } = SelectOptions.Render(Countries, _ => false);
    }

    /// <summary>This page's URL with one parameter changed (pagination, sorting).</summary>
    public string Link(int? page = null, SortOrder? sort = null) => WithQuery("/Postings", page, sort);

    /// <summary>The download of every posting this search finds (all pages) in a format of <see cref="PostingExport"/>.</summary>
    public string ExportLink(string format) => WithQuery(PostingExport.Path(format), page: null, sort: null);

    private string WithQuery(string path, int? page, SortOrder? sort)
    {
        var query = new Dictionary<string, string?>
        {
            ["q"] = Text,
            ["kind"] = Kind?.ToString(),
            ["area"] = Area == CcmAreas.None ? null : Area.ToString(),
            ["type"] = Type == AssistanceTypes.None ? null : Type.ToString(),
            ["role"] = Role?.ToString(),
            ["modality"] = Modality == CooperationModalities.None ? null : Modality.ToString(),
            ["region"] = Region == Regions.None ? null : Region.ToString(),
            ["country"] = Country,
            ["participant"] = Participant,
            ["since"] = Since?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["sort"] = (sort ?? Sort)?.ToString(),
            ["page"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path,
            query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
