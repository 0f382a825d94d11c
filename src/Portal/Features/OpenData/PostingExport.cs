using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Postings;
using Portal.Infrastructure.Email;

namespace Portal.Features.OpenData;

/// <summary>
/// The postings an export holds, and when it was made. <c>IsCut</c>: more postings matched than
/// <see cref="PostingExport.MaxRows"/>, and the file holds the first ones.
/// </summary>
public sealed record ExportBatch(IReadOnlyList<ExportRow> Rows, bool IsCut, DateTimeOffset GeneratedAt);

/// <summary>
/// The open-data exports' postings: every posting a search finds for this reader, all pages at once, in the page's
/// order. Which postings a reader may see is the search's (and so <see cref="Reader.MaySee(DateTimeOffset)"/>'s) answer,
/// nothing of its own.
/// </summary>
public sealed class PostingExport(PortalDbContext db, PostingSearch search, TimeProvider time, PublicAddress address)
{
    /// <summary>
    /// An export holds at most this many postings (a file of a few megabytes); past it, the first ones in the search's
    /// order, and the file says so.
    /// </summary>
    public const int MaxRows = 5000;

    /// <summary>The kinds IATI describes as activities: what is offered, and what was done. A need is neither.</summary>
    public static readonly IReadOnlyList<PostingKind> IatiKinds = [PostingKind.Offer, PostingKind.Experience];

    /// <summary>The address of an export; <paramref name="format"/> is csv, json or iati.</summary>
    public static string Path(string format) => "/Postings/Export/" + format;

    public async Task<ExportBatch> LoadAsync(SearchQuery query, Reader reader, IReadOnlyList<PostingKind>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var generatedAt = time.GetUtcNow();
        var ids = await search.IdsAsync(query, reader, MaxRows + 1, kinds);
        var isCut = ids.Count > MaxRows;
        List<int> wanted = [.. ids.Take(MaxRows)];

        // Read through the same rule again: a posting that expired since the ids were read is left out, never shown.
        var baseUrl = address.BaseUrl;
        var rows = await db.Postings.AsNoTracking().Where(reader.MaySee(generatedAt)).Where(p => wanted.Contains(p.Id))
            .Select(p => new ExportRow(
                p.Id, baseUrl + "/Postings/" + p.Id, p.Kind, p.Title, p.Summary, p.Participant!.Code, p.Participant.Name,
                p.Participant.Kind, p.IsSample, p.Visibility, p.Areas, p.AssistanceTypes, p.Regions, p.ChosenRegions,
                p.Countries.OrderBy(c => c.CountryCode).Select(c => c.CountryCode).ToList(), p.Budget, p.Currency, p.Period,
                p.ApplicationDeadline, p.PublishedAt ?? p.CreatedAt, p.ValidUntil, p.Role, p.Modalities))
            .ToDictionaryAsync(r => r.Id);
        return new([.. wanted.Where(rows.ContainsKey).Select(id => rows[id])], isCut, generatedAt);
    }
}
