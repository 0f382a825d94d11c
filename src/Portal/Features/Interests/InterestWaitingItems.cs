using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Notices;

namespace Portal.Features.Interests;

/// <summary>
/// What waits in connections: for the owner's focal points, expressions of interest not yet answered; for the accounts
/// told of a connection (<see cref="InterestCommands"/>), a reply of the other side that is the last word while the two are
/// in discussion (a project agreed is settled: the two may still write, but nothing waits for an answer).
/// </summary>
public sealed class InterestWaitingItems(PortalDbContext db) : IWaitingItems
{
    public async Task<IReadOnlyList<WaitingSection>> ForAsync(WaitingAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var reader = account.Reader;
        if (reader.OwnParticipantId is not int own || reader.IsCoordinator)
        {
            return [];
        }

        var sections = new List<WaitingSection>();
        var focalPoint = reader.Role == PortalRole.FocalPoint;
        if (focalPoint)
        {
            var unanswered = db.Interests.AsNoTracking().Where(i => i.OwnerParticipantId == own && i.State == InterestState.Open);
            await AddAsync(sections, "interests-waiting", unanswered, count => count == 1
                ? "1 expression of interest in your postings is waiting for an answer."
                : $"{N(count)} expressions of interest in your postings are waiting for an answer.", cancellationToken);
        }

        var userId = reader.UserId;
        var replied = db.Interests.AsNoTracking()
            .Where(i => i.State == InterestState.InDiscussion
                && ((i.OwnerParticipantId == own && focalPoint) || (i.ParticipantId == own && (focalPoint || i.AuthorUserId == userId)))
                && i.Replies.Any()
                && i.Replies.OrderByDescending(r => r.Id).Select(r => r.ParticipantId).First() != own);
        await AddAsync(sections, "replies-waiting", replied, count => count == 1
            ? "1 connection has a reply waiting for your answer."
            : $"{N(count)} connections have a reply waiting for your answer.", cancellationToken);
        return sections;
    }

    private static string N(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static async Task AddAsync(List<WaitingSection> sections, string key, IQueryable<Interest> interests,
        Func<int, string> sentence, CancellationToken cancellationToken)
    {
        var count = await interests.CountAsync(cancellationToken);
        if (count == 0)
        {
            return;
        }

        var named = await interests.OrderBy(i => i.Id).Take(WaitingItems.MostNamed)
            .Select(i => new { i.Id, i.PostingTitle, Interested = i.Participant!.Name, Owner = i.OwnerParticipant!.Name })
            .ToListAsync(cancellationToken);
        sections.Add(new WaitingSection(key, sentence(count), "/Connections", count,
            named.Select(i => new WaitingItem($"{i.Interested} about “{i.PostingTitle}” ({i.Owner})", InterestMail.PathOf(i.Id))).ToList()));
    }
}
