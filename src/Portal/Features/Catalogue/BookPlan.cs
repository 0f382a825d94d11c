using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Catalogue;

/// <summary>
/// The editors' plan of the book: which group each accepted contribution is in, their order, and the front matter.
/// Each command checks the editor right itself; moving is done with buttons, no JavaScript.
/// </summary>
public sealed class BookPlan(PortalDbContext db, CatalogueVisitors visitors)
{
    /// <summary>A chapter: an accepted contribution, with the others the editors joined to it (in the order they were written).</summary>
    public sealed record Chapter(int Id, string Title, string Participant, string Group, int Order, IReadOnlyList<JoinedPart> Joined)
    {
        /// <summary>The chapter's own contribution and those joined to it.</summary>
        public IEnumerable<int> ContributionIds => Joined.Select(p => p.Id).Prepend(Id);
    }

    /// <summary>A contribution shown inside another's chapter.</summary>
    public sealed record JoinedPart(int Id, string Title, string Participant);

    private sealed record Row(int Id, string Title, string Participant, string Group, int Order, int? JoinedToId);

    /// <summary>
    /// The chapters in book order: groups in the order of <see cref="ChapterGroups.Choices"/>, then by the editors'
    /// order. A contribution joined to another is part of that one's chapter only while that one is accepted and a
    /// chapter of its own; otherwise it is a chapter again, so that nothing accepted drops out of the book.
    /// </summary>
    public async Task<IReadOnlyList<Chapter>> ChaptersAsync(CatalogueCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var rows = await db.Contributions.AsNoTracking()
            .Where(c => c.CallId == call.Id && c.Status == ContributionStatus.Accepted)
            .Select(c => new Row(c.Id, c.Title, c.Participant!.Name, c.ChapterGroup ?? "", c.ChapterOrder, c.JoinedToId))
            .ToListAsync();
        var byId = rows.ToDictionary(r => r.Id);
        bool IsPart(Row row) => row.JoinedToId is { } lead && lead != row.Id && byId.TryGetValue(lead, out var chapter) && chapter.JoinedToId is null;
        var parts = rows.Where(IsPart).GroupBy(r => r.JoinedToId!.Value)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<JoinedPart>)[.. g.OrderBy(r => r.Id).Select(r => new JoinedPart(r.Id, r.Title, r.Participant))]);
        var chapters = rows.Where(r => !IsPart(r))
            .Select(r => new Chapter(r.Id, r.Title, r.Participant, r.Group, r.Order, parts.GetValueOrDefault(r.Id) ?? []))
            .ToList();
        var groups = await GroupsAsync(call);
        return chapters
            .OrderBy(c => groups.IndexOf(c.Group) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(c => c.Group, StringComparer.Ordinal)
            .ThenBy(c => c.Order).ThenBy(c => c.Id)
            .ToList();
    }

    public async Task<List<string>> GroupsAsync(CatalogueCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var regions = await db.Participants.AsNoTracking().Where(p => p.Kind == ParticipantKind.State && p.Region != null)
            .Select(p => p.Region!).Distinct().ToListAsync();
        return ChapterGroups.Choices(call.Grouping, regions).ToList();
    }

    /// <summary>Regroups every accepted contribution by provision or by region, keeping their order within each group.</summary>
    public async Task SetGroupingAsync(CatalogueCall call, ChapterGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(call);
        await RequireEditorAsync();
        call.Grouping = grouping;
        var accepted = await db.Contributions.Include(c => c.Participant)
            .Where(c => c.CallId == call.Id && c.Status == ContributionStatus.Accepted).OrderBy(c => c.ChapterOrder).ToListAsync();
        foreach (var group in accepted.GroupBy(c => ChapterGroups.Default(c, grouping)))
        {
            var order = 1;
            foreach (var c in group)
            {
                c.ChapterGroup = group.Key;
                c.ChapterOrder = order++;
            }
        }

        call.Version++;
        await db.SaveChangesAsync();
    }

    /// <summary>Puts the contribution at the end of another group.</summary>
    public async Task<bool> MoveToGroupAsync(CatalogueCall call, int contributionId, string group)
    {
        ArgumentNullException.ThrowIfNull(call);
        await RequireEditorAsync();
        if (!(await GroupsAsync(call)).Contains(group)
            || await db.Contributions.SingleOrDefaultAsync(c => c.Id == contributionId && c.CallId == call.Id && c.Status == ContributionStatus.Accepted) is not { } contribution)
        {
            return false;
        }

        contribution.ChapterOrder = 1 + (await db.Contributions.Where(c => c.CallId == call.Id && c.ChapterGroup == group).MaxAsync(c => (int?)c.ChapterOrder) ?? 0);
        contribution.ChapterGroup = group;
        await TouchAsync(call);
        return true;
    }

    /// <summary>Swaps the contribution with its neighbour in its group (up: the one before).</summary>
    public async Task<bool> MoveAsync(CatalogueCall call, int contributionId, bool up)
    {
        ArgumentNullException.ThrowIfNull(call);
        await RequireEditorAsync();
        var chapters = await ChaptersAsync(call);
        var index = chapters.ToList().FindIndex(c => c.Id == contributionId);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= chapters.Count || chapters[other].Group != chapters[index].Group)
        {
            return false;
        }

        // Renumber the group in its current order with the two swapped, so that equal or missing numbers cannot stick.
        var group = chapters.Where(c => c.Group == chapters[index].Group).Select(c => c.Id).ToList();
        var a = group.IndexOf(chapters[index].Id);
        var b = group.IndexOf(chapters[other].Id);
        (group[a], group[b]) = (group[b], group[a]);
        var rows = await db.Contributions.Where(c => group.Contains(c.Id)).ToListAsync();
        foreach (var row in rows)
        {
            row.ChapterOrder = group.IndexOf(row.Id) + 1;
        }

        await TouchAsync(call);
        return true;
    }

    /// <summary>
    /// Makes one chapter of two accounts of the same project: <paramref name="contributionId"/> (a chapter of its own,
    /// with nothing joined to it) becomes part of <paramref name="chapterId"/>'s chapter, under that one's title. False
    /// when either is no longer such a chapter.
    /// </summary>
    public async Task<bool> JoinAsync(CatalogueCall call, int chapterId, int contributionId)
    {
        ArgumentNullException.ThrowIfNull(call);
        await RequireEditorAsync();
        var chapters = await ChaptersAsync(call);
        if (chapterId == contributionId
            || !chapters.Any(c => c.Id == chapterId)
            || chapters.FirstOrDefault(c => c.Id == contributionId) is not { Joined.Count: 0 }
            || await db.Contributions.SingleOrDefaultAsync(c => c.Id == contributionId && c.CallId == call.Id) is not { } contribution)
        {
            return false;
        }

        contribution.JoinedToId = chapterId;
        await TouchAsync(call);
        return true;
    }

    /// <summary>Makes a joined contribution a chapter of its own again, last in the group of the chapter it left.</summary>
    public async Task<bool> SeparateAsync(CatalogueCall call, int contributionId)
    {
        ArgumentNullException.ThrowIfNull(call);
        await RequireEditorAsync();
        var chapter = (await ChaptersAsync(call)).FirstOrDefault(c => c.Joined.Any(p => p.Id == contributionId));
        if (chapter is null || await db.Contributions.SingleOrDefaultAsync(c => c.Id == contributionId && c.CallId == call.Id) is not { } contribution)
        {
            return false;
        }

        contribution.JoinedToId = null;
        contribution.ChapterGroup = chapter.Group;
        contribution.ChapterOrder = 1 + (await db.Contributions.Where(c => c.CallId == call.Id && c.ChapterGroup == chapter.Group).MaxAsync(c => (int?)c.ChapterOrder) ?? 0);
        await TouchAsync(call);
        return true;
    }

    public async Task SaveFrontMatterAsync(CatalogueCall call, string foreword, string introduction)
    {
        ArgumentNullException.ThrowIfNull(call);
        await RequireEditorAsync();
        call.Foreword = foreword;
        call.Introduction = introduction;
        await TouchAsync(call);
    }

    private async Task TouchAsync(CatalogueCall call)
    {
        call.Version++;
        await db.SaveChangesAsync();
    }

    private async Task RequireEditorAsync()
    {
        if (!(await visitors.CurrentAsync()).IsEditor)
        {
            throw new UnauthorizedAccessException("Only editors plan the book.");
        }
    }
}
