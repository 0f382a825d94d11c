using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Audit;
using Portal.Features.Notices;

namespace Portal.Features.Interests;

/// <summary>
/// Expressing interest, replying and changing a connection's state: each saved with its audit entry and its e-mails in
/// one unit of work. The pages check <see cref="InterestRights"/> first; these do what they are asked.
/// </summary>
/// <remarks>
/// Who is e-mailed: on the owner's side its focal points, on the interested side its focal points and the account that
/// expressed the interest; never the person who acted. An expression or a reply waits for an answer, so it is e-mailed
/// at once only to those who chose so (<see cref="NoticeChoice.ToldAtOnce"/>); the others find it in their daily
/// summary (<see cref="InterestWaitingItems"/>). A change of state, and a reply after a project was agreed, are news,
/// and go to all.
/// </remarks>
public sealed class InterestCommands(PortalDbContext db, AuditLog audit, InterestMail mail, TimeProvider time)
{
    /// <summary>The connection's id, and whether it existed already (one per posting and interested participant).</summary>
    public async Task<(int Id, bool Existed)> ExpressAsync(Reader reader, Posting posting, string message)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(posting);
        var own = reader.OwnParticipantId ?? throw new InvalidOperationException("Only an account expresses interest.");
        if (await ExistingAsync(posting.Id, own) is int existing)
        {
            return (existing, true);
        }

        var author = await db.Users.AsNoTracking().Where(u => u.Id == reader.UserId)
            .Select(u => new { u.FullName, u.Position, u.Email }).SingleAsync();
        var names = await NamesAsync(posting.ParticipantId, own);
        var now = time.GetUtcNow();
        var interest = new Interest
        {
            PostingId = posting.Id,
            PostingKind = posting.Kind,
            PostingTitle = posting.Title,
            PostingVisibility = posting.Visibility,
            OwnerParticipantId = posting.ParticipantId,
            ParticipantId = own,
            AuthorUserId = reader.UserId,
            AuthorName = author.FullName,
            AuthorPosition = author.Position,
            AuthorEmail = author.Email!,
            Message = message,
            State = InterestState.Open,
            CreatedAt = now,
            StateChangedAt = now,
        };

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Interests.Add(interest);
            await db.SaveChangesAsync();
            audit.Write(AuditEvent.InterestExpressed, Target(interest.Id),
                $"{names[own]} in {interest.PostingKind.ToString().ToLowerInvariant()} {posting.Id.ToString(CultureInfo.InvariantCulture)} of {names[posting.ParticipantId]}");
            foreach (var to in await RecipientsAsync(interest, InterestSide.Owner, reader.UserId, atOnceOnly: true))
            {
                mail.SendExpressed(to, interest, names[own], names[posting.ParticipantId]);
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return (interest.Id, false);
        }
        catch (DbUpdateException)
        {
            // Someone of the same participant expressed it at the same moment (the unique index): theirs is the connection.
            db.ChangeTracker.Clear();
            if (await ExistingAsync(posting.Id, own) is int raced)
            {
                return (raced, true);
            }

            throw;
        }
    }

    /// <summary>
    /// Adds a reply from the reader's side; the owner's first reply puts an open connection in discussion. False when
    /// someone changed the connection's state since it was read.
    /// </summary>
    public async Task<bool> ReplyAsync(Reader reader, Interest interest, InterestSide side, string text)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(interest);
        var author = await db.Users.AsNoTracking().Where(u => u.Id == reader.UserId)
            .Select(u => new { u.FullName, u.Email }).SingleAsync();
        var now = time.GetUtcNow();
        var reply = new InterestReply
        {
            InterestId = interest.Id,
            ParticipantId = reader.ParticipantId,
            AuthorUserId = reader.UserId,
            AuthorName = author.FullName,
            AuthorEmail = author.Email!,
            Text = text,
            At = now,
        };
        interest.Replies.Add(reply);
        var before = interest.State;
        interest.State = InterestStates.AfterReply(before, side);
        // Saved only while the state is still the one the page read (the concurrency token): a reply racing a close
        // (or any other change of state) is refused, not added to a connection that no longer takes it.
        db.Entry(interest).Property(i => i.State).IsModified = true;
        if (interest.State != before)
        {
            interest.StateChangedAt = now;
            audit.Write(AuditEvent.InterestStateChanged, Target(interest.Id), $"{before} → {interest.State}, by the owner's first reply");
        }

        audit.Write(AuditEvent.InterestReplied, Target(interest.Id), $"{text.Length.ToString(CultureInfo.InvariantCulture)} characters");
        var names = await NamesAsync(interest.OwnerParticipantId, interest.ParticipantId);
        var other = side == InterestSide.Owner ? InterestSide.Interested : InterestSide.Owner;
        // Once a project is agreed nothing waits for an answer (InterestWaitingItems), so a reply is news: it goes to all.
        var atOnceOnly = interest.State != InterestState.ProjectAgreed;
        foreach (var to in await RecipientsAsync(interest, other, reader.UserId, atOnceOnly))
        {
            mail.SendReply(to, interest, reply, names[reader.ParticipantId]);
        }

        return await SaveAsync();
    }

    /// <summary>Moves the connection to a state <see cref="InterestRights.StatesOpenTo"/> offered; false when someone moved it first.</summary>
    public async Task<bool> ChangeStateAsync(Reader reader, Interest interest, InterestSide side, InterestState to)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(interest);
        var before = interest.State;
        interest.State = to;
        interest.StateChangedAt = time.GetUtcNow();
        audit.Write(AuditEvent.InterestStateChanged, Target(interest.Id), $"{before} → {to}, by the {side.ToString().ToLowerInvariant()} side");
        var names = await NamesAsync(interest.OwnerParticipantId, interest.ParticipantId);
        var other = side == InterestSide.Owner ? InterestSide.Interested : InterestSide.Owner;
        foreach (var recipient in await RecipientsAsync(interest, other, reader.UserId, atOnceOnly: false))
        {
            mail.SendStateChanged(recipient, interest, names[reader.ParticipantId]);
        }

        return await SaveAsync();
    }

    private async Task<bool> SaveAsync()
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private Task<int?> ExistingAsync(int postingId, int participantId) =>
        db.Interests.Where(i => i.PostingId == postingId && i.ParticipantId == participantId).Select(i => (int?)i.Id).FirstOrDefaultAsync();

    private async Task<Dictionary<int, string>> NamesAsync(int first, int second) =>
        await db.Participants.AsNoTracking().Where(p => p.Id == first || p.Id == second).ToDictionaryAsync(p => p.Id, p => p.Name);

    /// <summary>The accounts of one side that hear of the connection, without the one who acted.</summary>
    private async Task<List<InterestRecipient>> RecipientsAsync(Interest interest, InterestSide side, string? actingUserId, bool atOnceOnly)
    {
        var users = db.Users.AsNoTracking().Where(u => u.IsActivated && !u.IsDisabled && u.Id != actingUserId);
        users = side == InterestSide.Owner
            ? users.Where(u => u.ParticipantId == interest.OwnerParticipantId && u.Role == PortalRole.FocalPoint)
            : users.Where(u => u.ParticipantId == interest.ParticipantId && (u.Role == PortalRole.FocalPoint || u.Id == interest.AuthorUserId));
        if (atOnceOnly)
        {
            users = users.Where(NoticeChoice.ToldAtOnce);
        }

        return await users.OrderBy(u => u.Email).Select(u => new InterestRecipient(u.Email!, u.FullName)).ToListAsync();
    }

    private static string Target(int id) => "connection " + id.ToString(CultureInfo.InvariantCulture);
}
