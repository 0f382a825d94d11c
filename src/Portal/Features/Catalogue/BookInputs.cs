using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Catalogue.Book;

namespace Portal.Features.Catalogue;

/// <summary>
/// Reads everything a build needs in one go, in the editors' order: the accepted contributions of a call grouped into
/// parts, the front matter, and for an edition for observers without what contributors marked "States only".
/// </summary>
public sealed class BookInputs(PortalDbContext db, BookPlan plan)
{
    public const string Subtitle = "Good practices and lessons learned in cooperation and assistance under the Convention on Cluster Munitions";

    public const string Publisher = "States Parties to the Convention on Cluster Munitions";

    public const string Licence = "This book is for the internal circulation of the States Parties to the Convention on Cluster Munitions. "
        + "Each contributor stated that the material they sent is free of copyright restrictions for this publication, "
        + "with attribution to its authors and contributing participant as given in each chapter and in the photo credits. "
        + "It is not published under an open licence.";

    public async Task<BookEdition> LoadAsync(CatalogueCall call, bool forObservers, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var order = await plan.ChaptersAsync(call);
        var contributions = await db.Contributions.AsNoTracking()
            .Where(c => c.CallId == call.Id && c.Status == ContributionStatus.Accepted && (!forObservers || !c.StatesOnly))
            .Include(c => c.Participant).Include(c => c.Authors).Include(c => c.Testimonials).Include(c => c.Figures)
            .AsSplitQuery()
            .ToDictionaryAsync(c => c.Id, cancellation);
        var figureIds = contributions.Values.SelectMany(c => c.Figures).Select(f => f.Id).ToList();
        var images = await db.FigureImages.AsNoTracking().Where(i => figureIds.Contains(i.FigureId)).ToDictionaryAsync(i => i.FigureId, cancellation);
        // A joint chapter keeps the contributions this edition has; the first of them gives the chapter its title.
        var parts = order.Select(c => (c.Group, Members: c.ContributionIds.Where(contributions.ContainsKey).Select(id => contributions[id]).ToList()))
            .Where(c => c.Members.Count > 0)
            .GroupBy(c => c.Group)
            .Select(g => new BookPart(g.Key, g.Select(c => ContributionChapters.ToChapter(c.Members[0], images) with
            {
                Joined = [.. c.Members.Skip(1).Select(m => ContributionChapters.ToChapter(m, images))],
            }).ToList()))
            .ToList();
        var modified = contributions.Count == 0 ? call.CreatedAt : contributions.Values.Max(c => c.UpdatedAt);
        return new BookEdition(
            Identifier(call.Id, forObservers),
            call.Title,
            Subtitle,
            Publisher,
            call.TargetPublication,
            new DateTimeOffset(modified.UtcDateTime.Ticks - (modified.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
            call.Foreword,
            call.Introduction,
            Licence,
            forObservers,
            parts);
    }

    /// <summary>The same identifier for every build of the same edition of the same call, so that readers see one book.</summary>
    public static string Identifier(int callId, bool forObservers)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"ccm-catalogue:{callId}:{(forObservers ? "observers" : "states")}")));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
