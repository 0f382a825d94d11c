using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Markdown;
using Portal.Infrastructure.Caching;

namespace Portal.Features.Postings;

public enum SortOrder
{
    Relevance,
    Newest,
    ExpiringSoon,
}

/// <summary>What the search page's URL says; every field is optional.</summary>
public sealed record SearchQuery(
    string? Text,
    PostingKind? Kind,
    CcmAreas Area,
    AssistanceTypes Type,
    Regions Region,
    string? Country,
    string? Participant,
    DateOnly? Since,
    SortOrder Sort,
    int Page)
{
    public const int PageSize = 20;

    /// <summary>Searches count at most this many hits, then say "more than".</summary>
    public const int MaxCounted = 1000;

    /// <summary>Longer queries are cut: nobody types them, and they only cost the server.</summary>
    public const int MaxTextLength = 200;

    /// <summary>An offer's or experience's role (<see cref="PostingCooperation.FoundBy"/>); null for any.</summary>
    public CooperationRole? Role { get; init; }

    /// <summary>Any of these modalities; none for any.</summary>
    public CooperationModalities Modality { get; init; }

    /// <summary>
    /// Unknown values in a shared link are ignored rather than failing the page: a kind or role that does not exist, a
    /// country or participant that is not a code. Country codes are ISO 3166 alpha-3, upper case; "vnm" typed into the address means VNM.
    /// </summary>
    public SearchQuery Normalized() => this with
    {
        Kind = Kind is PostingKind k && Enum.IsDefined(k) ? k : null,
        Role = Role is CooperationRole r && Enum.IsDefined(r) ? r : null,
        Country = PostingLabels.IsCode(Country) ? Country.ToUpperInvariant() : null,
        Participant = PostingLabels.IsCode(Participant) ? Participant : null,
    };
}

public sealed record PostingListItem(
    int Id, PostingKind Kind, string Title, string Summary, string ParticipantName, string ParticipantCode,
    CcmAreas Areas, Regions Regions, DateTimeOffset? PublishedAt, DateTimeOffset ValidUntil, bool IsSample,
    Visibility Visibility)
{
    /// <summary>HTML with &lt;mark&gt; around matched words, or null when the page was not a text search.</summary>
    public string? SnippetHtml { get; init; }

    /// <summary>With a country filter, why the posting applies to that country ("Applies to South-East Asia.").</summary>
    public string? AppliesBecause { get; init; }
}

public sealed record SearchResult(IReadOnlyList<PostingListItem> Items, int Total, int Page, int Pages)
{
    /// <summary>
    /// Set when this result is kept in the read cache (a list without search words): the page may then keep its
    /// rendered HTML too, under <see cref="Edition"/>, which a re-read of the list replaces.
    /// </summary>
    public bool IsKept { get; init; }

    public Guid Edition { get; } = Guid.NewGuid();

    /// <summary>True when there were more than <see cref="SearchQuery.MaxCounted"/> postings and counting stopped.</summary>
    public bool IsCapped { get; init; }
}

public sealed record PublisherRow(string Code, string Name, int Needs, int Offers, int Experiences, DateTimeOffset? LastUpdate);

/// <summary>
/// Full-text search and filtered lists over the postings the reader may see. The full-text match is
/// provider-specific (SQLite FTS5, PostgreSQL tsvector, both kept by the database itself); everything else,
/// visibility first, is one LINQ query shared by both.
/// </summary>
public sealed class PostingSearch(
    PortalDbContext db, DatabaseTarget database, TimeProvider time, ChangeStamps stamps, ReadCache cache,
    RenderedMarkdown markdown)
{
    /// <summary>
    /// A list without search words (the page everyone opens first, and every filter of it) is the same for every reader
    /// of one audience until a posting changes or one of them expires, so it is read once and kept (decision 007).
    /// Searches with words are too varied to be worth keeping and always ask the database.
    /// </summary>
    public async Task<SearchResult> RunAsync(SearchQuery query, Reader reader)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(reader);
        // From the configuration, not db.Database: asking the context sets up its services, a fifth of a kept list's cost.
        if (FullTextQuery.For(database.IsPostgres, Cut(query.Text)) is not null)
        {
            return await SearchAsync(query, reader);
        }

        return await KeptForAudienceAsync(query with { Text = null }, reader,
            async () => await SearchAsync(query with { Text = null }, reader) with { IsKept = true });
    }

    /// <summary>
    /// Who has published postings this reader may see, with counts per kind: the participants page, and the only
    /// participants the list's "Published by" filter offers (an observer never learns of one whose postings are all
    /// closed to observers). A count over every visible posting, kept per audience like the lists.
    /// </summary>
    public Task<IReadOnlyList<PublisherRow>> PublishersAsync(Reader reader) =>
        KeptForAudienceAsync(typeof(PublisherRow), reader, async () =>
        {
            var counts = await db.Postings.AsNoTracking().Where(reader.MaySee(time.GetUtcNow()))
                .GroupBy(p => new { p.ParticipantId, p.Kind })
                .Select(g => new { g.Key.ParticipantId, g.Key.Kind, Count = g.Count(), Last = g.Max(p => p.PublishedAt) })
                .ToListAsync();
            var ids = counts.Select(c => c.ParticipantId).Distinct().ToList();
            var names = await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => new { p.Code, p.Name });
            return (IReadOnlyList<PublisherRow>)[.. counts.GroupBy(c => c.ParticipantId)
                .Select(g => new PublisherRow(names[g.Key].Code, names[g.Key].Name,
                    g.Where(c => c.Kind == PostingKind.Need).Sum(c => c.Count),
                    g.Where(c => c.Kind == PostingKind.Offer).Sum(c => c.Count),
                    g.Where(c => c.Kind == PostingKind.Experience).Sum(c => c.Count),
                    g.Max(c => c.Last)))
                .OrderBy(r => r.Name, StringComparer.CurrentCulture)];
        });

    /// <summary>
    /// Keeps a read over the postings this reader's audience (<see cref="Reader.Audience"/>) may see until a posting
    /// changes or the first visible one expires (decision 007).
    /// </summary>
    public async Task<T> KeptForAudienceAsync<T>(object key, Reader reader, Func<Task<T>> load)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(load);
        var stamp = (await stamps.CurrentAsync()).Postings;
        return await cache.GetOrLoadAsync(new AudienceKey(reader.Audience, key), stamp, async () =>
        {
            var until = await NextExpiryAsync(stamp);
            return (await load(), until);
        });
    }

    /// <summary>When the first visible posting expires, and every kept list with it.</summary>
    private Task<DateTimeOffset> NextExpiryAsync(long stamp) =>
        cache.GetOrLoadAsync(NextExpiry.Key, stamp, async () =>
        {
            var now = time.GetUtcNow();
            var next = await db.Postings.Where(p => p.Status == PostingStatus.Published && p.ValidUntil > now)
                .MinAsync(p => (DateTimeOffset?)p.ValidUntil) ?? DateTimeOffset.MaxValue;
            return (next, next);
        });

    /// <summary>The participant a filter names, if it exists: the index knows postings by their owner's id.</summary>
    private async Task<int?> ParticipantIdAsync(string? code) => string.IsNullOrEmpty(code)
        ? null
        : await db.Participants.Where(p => p.Code == code).Select(p => (int?)p.Id).SingleOrDefaultAsync();

    /// <summary>The State a country filter names, with its region and sub-region; null for a code that is no State's.</summary>
    private async Task<CountryPlace?> CountryAsync(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        var state = await db.Participants.AsNoTracking().Where(p => p.Kind == ParticipantKind.State && p.Code == code)
            .Select(p => new { p.Code, p.Name, p.Region, p.Subregion }).SingleOrDefaultAsync();
        return state is null ? null
            : new CountryPlace(state.Code, state.Name, M49Regions.FromM49Name(state.Region), M49Regions.FromM49Name(state.Subregion));
    }

    private static string? Cut(string? text) =>
        text is { Length: > SearchQuery.MaxTextLength } t ? t[..SearchQuery.MaxTextLength] : text;

    private async Task<SearchResult> SearchAsync(SearchQuery query, Reader reader)
    {
        var now = time.GetUtcNow();
        var country = await CountryAsync(query.Country);
        var postings = Filter(db.Postings.AsNoTracking().Where(reader.MaySee(now)), query, country);
        var matchQuery = FullTextQuery.For(database.IsPostgres, Cut(query.Text));
        var sort = matchQuery is null && query.Sort == SortOrder.Relevance ? SortOrder.Newest : query.Sort;

        // A ranked search on SQLite asks the index for its filters too (decision 008): FTS5 applies them while it
        // matches, and no hit is looked up in the postings table before it is ranked. The one thing the index cannot
        // know is the clock: postings past their date that the lifecycle job has not marked yet are left out by id
        // (there are usually none, and then the search does not ask).
        var facetMatch = matchQuery is not null && !database.IsPostgres && sort == SortOrder.Relevance
            ? SearchFacets.Match(matchQuery, query, reader, await ParticipantIdAsync(query.Participant))
            : null;
        var lapsed = db.Postings.Where(p => p.Status == PostingStatus.Published && p.ExpiredAt == null && p.ValidUntil <= now)
            .Select(p => p.Id);
        var anyLapsed = facetMatch is not null && await lapsed.AnyAsync();
        IQueryable<Ranked> Unlapsed(IQueryable<Ranked> hits) => anyLapsed ? hits.Where(h => !lapsed.Contains(h.Id)) : hits;

        // Counting stops past MaxCounted: "more than 1,000" is as useful as an exact figure, and counting every hit
        // of a common word, or every posting of a large list, costs more than the page itself. Counting never asks for
        // the rank: bm25 is most of the cost of a text search.
        var counted = facetMatch is not null
            ? Unlapsed(MatchIds(facetMatch).Select(id => new Ranked { Id = id })).Select(r => r.Id)
            : matchQuery is null
                ? postings.Select(p => p.Id)
                : from hit in MatchIds(matchQuery) join p in postings on hit equals p.Id select p.Id;
        var total = await counted.Take(SearchQuery.MaxCounted + 1).CountAsync();
        var shown = Math.Min(total, SearchQuery.MaxCounted);
        var pages = Math.Max(1, (shown + SearchQuery.PageSize - 1) / SearchQuery.PageSize);
        var page = Math.Clamp(query.Page, 1, pages);

        var ranked = facetMatch is not null
            ? Unlapsed(Matches(facetMatch).Select(hit => new Ranked { Id = hit.Id, Rank = hit.Rank }))
                .OrderBy(r => r.Rank).ThenByDescending(r => r.Id)
            : Ordered(postings, matchQuery, sort);

        // Sort only ids, then read the page's rows: a sort that carried titles and summaries for every hit cost more
        // than the sort itself. The rows are read through the same visibility and filters as the ids, whichever way
        // the ids were found.
        var ids = await ranked.Skip((page - 1) * SearchQuery.PageSize).Take(SearchQuery.PageSize)
            .Select(r => r.Id).ToListAsync();
        var rows = ids.Count == 0
            ? []
            : await postings.Where(p => ids.Contains(p.Id)).ToListItems().ToDictionaryAsync(i => i.Id);
        List<PostingListItem> items = [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];

        if (matchQuery is not null && items.Count > 0)
        {
            var snippets = await SnippetsAsync(matchQuery, [.. items.Select(i => i.Id)]);
            items = [.. items.Select(i => i with { SnippetHtml = snippets.GetValueOrDefault(i.Id) })];
        }

        if (country is not null && items.Count > 0)
        {
            var places = await db.Postings.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.ChosenRegions, Named = p.Countries.Any(c => c.CountryCode == country.Code) })
                .ToDictionaryAsync(p => p.Id);
            items = [.. items.Select(i => i with
            {
                AppliesBecause = M49Regions.WhyItApplies(country, places[i.Id].Named, places[i.Id].ChosenRegions),
            })];
        }

        return new SearchResult(items, total, page, pages) { IsCapped = total > SearchQuery.MaxCounted };
    }

    /// <summary>
    /// The ids of every posting the query finds for this reader, in the page's order, at most <paramref name="limit"/>:
    /// the open-data exports, which take all the pages at once. Visibility, filters and order are the page's own; a ranked
    /// search takes the way both providers share (the index's facets only save time on one page). <paramref name="kinds"/>,
    /// when given, keeps only postings of those kinds (the IATI export: offers and experiences).
    /// </summary>
    public async Task<IReadOnlyList<int>> IdsAsync(SearchQuery query, Reader reader, int limit, IReadOnlyList<PostingKind>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(reader);
        var postings = Filter(db.Postings.AsNoTracking().Where(reader.MaySee(time.GetUtcNow())), query, await CountryAsync(query.Country));
        if (kinds is not null)
        {
            postings = postings.Where(p => kinds.Contains(p.Kind));
        }

        var matchQuery = FullTextQuery.For(database.IsPostgres, Cut(query.Text));
        var sort = matchQuery is null && query.Sort == SortOrder.Relevance ? SortOrder.Newest : query.Sort;
        return await Ordered(postings, matchQuery, sort).Take(limit).Select(r => r.Id).ToListAsync();
    }

    /// <summary>
    /// The visible, filtered postings (matching the words, if any) in the order asked. The rank is only computed when the
    /// order needs it, and then only for the postings that passed visibility and the filters (the join runs first, bm25 last).
    /// </summary>
    private IOrderedQueryable<Ranked> Ordered(IQueryable<Posting> postings, string? matchQuery, SortOrder sort)
    {
        var ranked = matchQuery is null
            ? postings.Select(p => new Ranked { Id = p.Id, PublishedAt = p.PublishedAt, ValidUntil = p.ValidUntil })
            : sort == SortOrder.Relevance
                ? from hit in Matches(matchQuery)
                  join p in postings on hit.Id equals p.Id
                  select new Ranked { Id = p.Id, Rank = hit.Rank, PublishedAt = p.PublishedAt }
                : from hit in MatchIds(matchQuery)
                  join p in postings on hit equals p.Id
                  select new Ranked { Id = p.Id, PublishedAt = p.PublishedAt, ValidUntil = p.ValidUntil };
        return sort switch
        {
            SortOrder.ExpiringSoon => ranked.OrderBy(r => r.ValidUntil).ThenBy(r => r.Id),
            SortOrder.Newest => ranked.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id),
            _ => ranked.OrderBy(r => r.Rank).ThenByDescending(r => r.PublishedAt),
        };
    }

    /// <summary>
    /// The filters of the query. A country filter finds what applies to that State (<paramref name="country"/>): the
    /// postings that name it, and those that chose its sub-region, its region or Global; a code that is no State's finds
    /// the postings naming it, none.
    /// </summary>
    public static IQueryable<Posting> Filter(IQueryable<Posting> postings, SearchQuery query, CountryPlace? country)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Kind is PostingKind kind)
        {
            postings = postings.Where(p => p.Kind == kind);
        }

        if (query.Area != CcmAreas.None)
        {
            postings = postings.Where(p => (p.Areas & query.Area) != 0);
        }

        if (query.Type != AssistanceTypes.None)
        {
            postings = postings.Where(p => (p.AssistanceTypes & query.Type) != 0);
        }

        if (query.Region != Regions.None)
        {
            var applying = M49Regions.ApplyingToRegion(query.Region);
            postings = postings.Where(p => (p.Regions & query.Region) != 0 || (p.ChosenRegions & applying) != 0);
        }

        if (query.Role is CooperationRole role)
        {
            var roles = PostingCooperation.FoundBy(role);
            postings = postings.Where(p => p.Role != null && roles.Contains(p.Role.Value));
        }

        if (query.Modality != CooperationModalities.None)
        {
            postings = postings.Where(p => (p.Modalities & query.Modality) != 0);
        }

        if (country is not null)
        {
            var applying = M49Regions.ApplyingTo(country);
            postings = postings.Where(p => p.Countries.Any(c => c.CountryCode == country.Code) || (p.ChosenRegions & applying) != 0);
        }
        else if (!string.IsNullOrEmpty(query.Country))
        {
            postings = postings.Where(p => p.Countries.Any(c => c.CountryCode == query.Country));
        }

        if (!string.IsNullOrEmpty(query.Participant))
        {
            postings = postings.Where(p => p.Participant!.Code == query.Participant);
        }

        if (query.Since is DateOnly since)
        {
            var from = new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            postings = postings.Where(p => p.PublishedAt >= from);
        }

        return postings;
    }

    /// <summary>
    /// Ids and ranks of every posting the match expression matches (lower rank is better on both providers). SQLite's
    /// index holds published postings only, and its facet column weighs nothing in the rank (decision 008). On SQLite the
    /// unary plus on the id fixes the join order: the index is read once and each hit is looked up by key. Without it
    /// the planner, short of statistics, could scan the postings and probe the index once per row (quadratic: 100 ms
    /// at 2,000 postings); the plus makes that probe unusable. (A CROSS JOIN with "Postings" did the same before, at
    /// the price of a second look-up per hit: half the query time for 'prosthetics' at 100,000 postings.)
    /// </summary>
    private IQueryable<Hit> Matches(string match) => database.IsPostgres
        ? db.Database.SqlQuery<Hit>($"""
            SELECT "Id", -ts_rank_cd("SearchVector", to_tsquery('english', {match}), 32)::double precision AS "Rank"
            FROM "Postings" WHERE "SearchVector" @@ to_tsquery('english', {match})
            """)
        : db.Database.SqlQuery<Hit>($"""
            SELECT +s.rowid AS "Id", bm25("PostingSearch", 10.0, 4.0, 1.0, 0.0) AS "Rank"
            FROM "PostingSearch" AS s WHERE "PostingSearch" MATCH {match}
            """);

    /// <summary>The ids of <see cref="Matches"/> without the rank, for counts and date orders.</summary>
    private IQueryable<int> MatchIds(string match) => (database.IsPostgres
        ? db.Database.SqlQuery<HitId>($"""
            SELECT "Id" FROM "Postings" WHERE "SearchVector" @@ to_tsquery('english', {match})
            """)
        : db.Database.SqlQuery<HitId>($"""
            SELECT +s.rowid AS "Id" FROM "PostingSearch" AS s WHERE "PostingSearch" MATCH {match}
            """)).Select(h => h.Id);

    /// <summary>
    /// The snippets of the page's postings (<see cref="SearchSnippet"/>): the database marks every word it matched in
    /// the summary and body, and the snippet is cut from the text the reader sees, with those words marked.
    /// </summary>
    private async Task<Dictionary<int, string>> SnippetsAsync(string match, int[] ids)
    {
        var json = JsonSerializer.Serialize(ids);
        var rows = database.IsPostgres
            ? db.Database.SqlQuery<Snippet>($"""
                SELECT "Id", "Summary", "Body", ts_headline('english', "Summary" || E'\n' || "Body", to_tsquery('english', {match}),
                    'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', HighlightAll=true') AS "Marked"
                FROM "Postings" WHERE "Id" = ANY (SELECT jsonb_array_elements_text({json}::jsonb)::int)
                """)
            : db.Database.SqlQuery<Snippet>($"""
                SELECT rowid AS "Id", "Summary", "Body",
                    highlight("PostingSearch", 1, char(2), char(3)) || char(10) || highlight("PostingSearch", 2, char(2), char(3)) AS "Marked"
                FROM "PostingSearch" WHERE "PostingSearch" MATCH {match} AND rowid IN (SELECT value FROM json_each({json}))
                """);
        var list = await rows.ToListAsync();
        return list.ToDictionary(
            s => s.Id,
            s => SearchSnippet.Html(s.Summary + "\n" + markdown.ToPlainText(s.Body), SearchSnippet.MarkedTerms(s.Marked)));
    }

    private sealed record AudienceKey(ReaderAudience Audience, object Key);

    private sealed record NextExpiry
    {
        public static readonly NextExpiry Key = new();
    }

    private sealed class Ranked
    {
        public int Id { get; init; }

        public double Rank { get; init; }

        public DateTimeOffset? PublishedAt { get; init; }

        public DateTimeOffset ValidUntil { get; init; }
    }

    private sealed record Hit(int Id, double Rank);

    private sealed record HitId(int Id);

    private sealed record Snippet(int Id, string Summary, string Body, string Marked);
}

public static class PostingListMapping
{
    public static IQueryable<PostingListItem> ToListItems(this IQueryable<Posting> postings) =>
        postings.Select(p => new PostingListItem(p.Id, p.Kind, p.Title, p.Summary, p.Participant!.Name, p.Participant.Code,
            p.Areas, p.Regions, p.PublishedAt, p.ValidUntil, p.IsSample, p.Visibility));
}
