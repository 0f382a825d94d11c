using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Notices;

namespace Portal.Features.Access;

/// <summary>What waits for a coordinator: the access requests not yet decided.</summary>
public sealed class AccessWaitingItems(PortalDbContext db) : IWaitingItems
{
    public async Task<IReadOnlyList<WaitingSection>> ForAsync(WaitingAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.Reader.IsCoordinator)
        {
            return [];
        }

        var pending = db.AccessRequests.AsNoTracking().Where(r => r.Status == AccessRequestStatus.Pending);
        var count = await pending.CountAsync(cancellationToken);
        if (count == 0)
        {
            return [];
        }

        var named = await pending.OrderBy(r => r.Id).Take(WaitingItems.MostNamed)
            .Select(r => new WaitingRequest(r.Id, r.Name, r.Position, r.Email, r.Participant!.Name)).ToListAsync(cancellationToken);
        var sentence = count == 1
            ? "1 access request is waiting for your decision."
            : $"{count.ToString(CultureInfo.InvariantCulture)} access requests are waiting for your decision.";
        return
        [
            new WaitingSection("pending-requests", sentence, "/Admin/Requests", count,
                named.Select(r => new WaitingItem($"#{r.Id.ToString(CultureInfo.InvariantCulture)}: {r.Name}, {r.Position}, <{r.Email}>, for {r.ParticipantName} (as typed, not verified).",
                    "/Admin/Requests")).ToList()),
        ];
    }
}
