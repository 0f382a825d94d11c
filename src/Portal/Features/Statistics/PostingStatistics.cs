using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Postings;

namespace Portal.Features.Statistics;

/// <summary>One bar of a chart and one row of its table: what people read and how many.</summary>
public sealed record Figure(string Label, int Count);

/// <summary>A participant among those that published most, for the table that links to its page.</summary>
public sealed record PublisherFigure(string Code, string Name, int Count);

/// <summary>The figures of the statistics page and its CSV, over the current postings one reader may see.</summary>
public sealed record StatisticsFigures(
    int Postings,
    IReadOnlyList<Figure> ByKind,
    IReadOnlyList<Figure> ByArea,
    IReadOnlyList<Figure> ByRegion,
    IReadOnlyList<Figure> ByMonth,
    int Publishers,
    IReadOnlyList<PublisherFigure> TopPublishers);

/// <summary>
/// Counts the current postings a reader may see, through <see cref="Reader.MaySee(DateTimeOffset)"/> and nothing else:
/// an observer's figures never count a posting closed to observers. The page and its CSV both ask here.
/// </summary>
public sealed class PostingStatistics(PortalDbContext db, TimeProvider time)
{
    public const int Months = 12;

    public const int TopCount = 10;

    public async Task<StatisticsFigures> ForAsync(Reader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var now = time.GetUtcNow();
        var visible = db.Postings.AsNoTracking().Where(reader.MaySee(now));

        // One row per combination of kind, areas and regions: kinds, areas and regions are all counted from it, and a
        // posting counts once in each of its areas and regions. No bitwise test reaches the database.
        var combinations = await visible.GroupBy(p => new { p.Kind, p.Areas, p.Regions })
            .Select(g => new { g.Key.Kind, g.Key.Areas, g.Key.Regions, Count = g.Count() })
            .ToListAsync();

        // First publication is version 1's time: Posting.PublishedAt moves with every edit.
        var from = FirstMonth(now);
        var firstPublished = await visible
            .Select(p => db.PostingVersions.Where(v => v.PostingId == p.Id && v.Number == 1).Select(v => (DateTimeOffset?)v.PublishedAt).FirstOrDefault())
            .Where(at => at >= from)
            .ToListAsync();

        var perPublisher = await visible.GroupBy(p => p.ParticipantId)
            .Select(g => new { ParticipantId = g.Key, Count = g.Count() })
            .ToListAsync();
        var ids = perPublisher.Select(p => p.ParticipantId).ToList();
        var names = await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.Code, p.Name });

        return new StatisticsFigures(
            combinations.Sum(c => c.Count),
            [.. Enum.GetValues<PostingKind>().Select(k => new Figure(k.Label(), combinations.Where(c => c.Kind == k).Sum(c => c.Count)))],
            [.. PostingLabels.AllAreas.Select(a => new Figure(a.Label(), combinations.Where(c => (c.Areas & a) != 0).Sum(c => c.Count)))],
            [.. PostingLabels.AllRegions.Select(r => new Figure(r.Label(), combinations.Where(c => (c.Regions & r) != 0).Sum(c => c.Count)))],
            [.. Enumerable.Range(0, Months).Select(i => from.AddMonths(i)).Select(month => new Figure(
                MonthLabel(month), firstPublished.Count(at => at!.Value.UtcDateTime.Year == month.Year && at.Value.UtcDateTime.Month == month.Month)))],
            perPublisher.Count,
            [.. perPublisher.Select(p => new PublisherFigure(names[p.ParticipantId].Code, names[p.ParticipantId].Name, p.Count))
                .OrderByDescending(p => p.Count).ThenBy(p => p.Name, StringComparer.CurrentCulture).Take(TopCount)]);
    }

    /// <summary>The first day (UTC) of the oldest of the last <see cref="Months"/> months, this one included.</summary>
    public static DateTimeOffset FirstMonth(DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1 - Months);
    }

    /// <summary>"2026-07": sorts, and a spreadsheet does not take it for a day.</summary>
    public static string MonthLabel(DateTimeOffset month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
