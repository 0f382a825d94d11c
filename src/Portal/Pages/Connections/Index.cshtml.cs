using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Interests;

namespace Portal.Pages.Connections;

/// <summary>"My connections": the interest the account's participant expressed, and the interest in its postings.</summary>
public sealed class IndexModel(PortalDbContext db, Readers readers) : PageModel
{
    public sealed record Row(int Id, string PostingTitle, PostingKind Kind, string OtherParticipant, InterestState State, DateTimeOffset LastActivity);

    public IReadOnlyList<Row> Given { get; private set; } = [];

    public IReadOnlyList<Row> Received { get; private set; } = [];

    /// <summary>For the coordinator: every connection, for oversight.</summary>
    public IReadOnlyList<Row> All { get; private set; } = [];

    public bool IsCoordinator { get; private set; }

    public async Task OnGetAsync()
    {
        var reader = await readers.CurrentAsync();
        IsCoordinator = reader.IsCoordinator;
        var readable = db.Interests.AsNoTracking().Where(InterestRights.Readable(reader));
        if (IsCoordinator)
        {
            All = await RowsAsync(readable, Other.Both);
            return;
        }

        var own = reader.ParticipantId;
        Given = await RowsAsync(readable.Where(i => i.ParticipantId == own), Other.Owner);
        Received = await RowsAsync(readable.Where(i => i.OwnerParticipantId == own), Other.Interested);
    }

    private enum Other
    {
        Owner,
        Interested,
        Both,
    }

    private static async Task<IReadOnlyList<Row>> RowsAsync(IQueryable<Interest> interests, Other other)
    {
        var rows = await interests
            .Select(i => new
            {
                i.Id,
                i.PostingTitle,
                i.PostingKind,
                Owner = i.OwnerParticipant!.Name,
                Interested = i.Participant!.Name,
                i.State,
                i.StateChangedAt,
                LastReply = i.Replies.OrderByDescending(r => r.Id).Select(r => (DateTimeOffset?)r.At).FirstOrDefault(),
            })
            .ToListAsync();
        return [.. rows.Select(r => new Row(r.Id, r.PostingTitle, r.PostingKind,
                other switch { Other.Owner => r.Owner, Other.Interested => r.Interested, _ => $"{r.Interested} → {r.Owner}" },
                r.State, r.LastReply is { } at && at > r.StateChangedAt ? at : r.StateChangedAt))
            .OrderBy(r => r.State is InterestState.Closed or InterestState.ProjectAgreed).ThenByDescending(r => r.LastActivity)];
    }
}
