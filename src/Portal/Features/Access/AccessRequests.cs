using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Features.Audit;
using Portal.Features.EntryCodes;
using Portal.Features.Notices;

namespace Portal.Features.Access;

/// <summary>The request-and-approve path into the portal. Every outcome is audited and e-mailed.</summary>
public sealed class AccessRequests(
    PortalDbContext db, TimeProvider time, AuditLog audit, AccessMail mail, EntryCodeMail codeMail, AccountInvitations invitations, EntryCodeStore codes,
    CodeHolders holders)
{
    /// <summary>
    /// The coordinators are e-mailed about new requests at most once in this time: the first request of a quiet spell
    /// at once, the others of a burst together when it has passed (<see cref="AccessRequestNotices"/>).
    /// </summary>
    public static readonly TimeSpan NoticeInterval = TimeSpan.FromMinutes(15);

    /// <summary>A request still waiting this long is e-mailed again to the coordinators told at once, once.</summary>
    public static readonly TimeSpan RemindAfter = TimeSpan.FromDays(3);

    /// <summary>The form of an e-mail address that two requests are compared by: spaces around and case do not count.</summary>
    public static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToUpperInvariant();
    }

    /// <summary>Whether a request from this e-mail address already waits for a coordinator's decision.</summary>
    public Task<bool> IsPendingAsync(string email)
    {
        var normalized = NormalizeEmail(email);
        return db.AccessRequests.AnyAsync(r => r.Status == AccessRequestStatus.Pending && r.NormalizedEmail == normalized);
    }

    /// <summary>
    /// Files the request and tells the person and, unless they were told of another request within
    /// <see cref="NoticeInterval"/>, the coordinators. Null, with nothing filed or sent, when a request
    /// from the same e-mail address is already pending: the unique index decides between two submitted at once.
    /// </summary>
    public async Task<AccessRequest?> SubmitAsync(string name, string email, int participantId, string position, string? note, string? ip)
    {
        var request = new AccessRequest
        {
            Name = name,
            Email = email,
            NormalizedEmail = NormalizeEmail(email),
            ParticipantId = participantId,
            Position = position,
            Note = string.IsNullOrWhiteSpace(note) ? null : note,
            IpAddress = ip,
            CreatedAt = time.GetUtcNow(),
            Status = AccessRequestStatus.Pending,
        };
        db.AccessRequests.Add(request);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await IsPendingAsync(email))
            {
                return null;
            }

            throw;
        }

        audit.WriteAs(AuditLog.Unverified(name, email), AuditEvent.AccessRequested, $"request #{request.Id}", $"for participant {participantId}");
        mail.SendReceived(request);
        await db.SaveChangesAsync();
        await TellCoordinatorsAsync();
        return request;
    }

    /// <summary>A request not filed because one from the same e-mail address is pending: audited, nobody e-mailed.</summary>
    public Task RecordRepeatAsync(string name, string email) =>
        audit.RecordAsync(AuditEvent.AccessRequestRepeated, null, "not filed: a request from this e-mail address is already waiting",
            AuditLog.Unverified(name, email));

    /// <summary>
    /// E-mails every active coordinator who chose to be told at once (<see cref="NoticeChoice"/>; the others read the
    /// requests in their daily summary) about the pending requests they have not been told of, so that nobody has to
    /// look, unless they were told within <see cref="NoticeInterval"/>: then the requests wait for the next call
    /// (another request, or <see cref="AccessRequestNotices"/>). The requests are claimed with a conditional update
    /// in the same transaction as the e-mails, so two instances never tell of the same request twice. Returns the
    /// number of requests told of.
    /// </summary>
    public async Task<int> TellCoordinatorsAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var quietSince = now - NoticeInterval;
        if (await db.AccessRequests.AnyAsync(r => r.CoordinatorsToldAt > quietSince, cancellationToken))
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var untold = await db.AccessRequests.AsNoTracking()
            .Where(r => r.Status == AccessRequestStatus.Pending && r.CoordinatorsToldAt == null).OrderBy(r => r.Id)
            .Select(r => new WaitingRequest(r.Id, r.Name, r.Position, r.Email, r.Participant!.Name)).ToListAsync(cancellationToken);
        if (untold.Count == 0)
        {
            return 0;
        }

        var ids = untold.Select(r => r.Id).ToList();
        var claimed = await db.AccessRequests
            .Where(r => ids.Contains(r.Id) && r.Status == AccessRequestStatus.Pending && r.CoordinatorsToldAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.CoordinatorsToldAt, now), cancellationToken);
        if (claimed != ids.Count)
        {
            // Another instance is telling of some of them, or one was decided meanwhile: the next call tells the rest.
            return 0;
        }

        var coordinators = await db.Users.AsNoTracking().ActiveCoordinators().Where(NoticeChoice.ToldAtOnce).Select(u => new { u.Email, u.FullName }).ToListAsync(cancellationToken);
        foreach (var coordinator in coordinators)
        {
            mail.TellCoordinator(coordinator.Email!, coordinator.FullName, untold);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return untold.Count;
    }

    /// <summary>
    /// Reminds the coordinators who are told at once (<see cref="NoticeChoice"/>) of the requests that have waited
    /// <see cref="RemindAfter"/> or more and of which they were not reminded yet, in one e-mail each; the others see every
    /// waiting request in their daily summary. Claimed with a conditional update in the e-mails' transaction, so two
    /// instances never remind of the same request twice. Returns the number of requests reminded of.
    /// </summary>
    public async Task<int> RemindCoordinatorsAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var waitedSince = now - RemindAfter;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var waiting = await db.AccessRequests.AsNoTracking()
            .Where(r => r.Status == AccessRequestStatus.Pending && r.CoordinatorsRemindedAt == null && r.CreatedAt <= waitedSince).OrderBy(r => r.Id)
            .Select(r => new WaitingRequest(r.Id, r.Name, r.Position, r.Email, r.Participant!.Name)).ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var ids = waiting.Select(r => r.Id).ToList();
        var claimed = await db.AccessRequests
            .Where(r => ids.Contains(r.Id) && r.Status == AccessRequestStatus.Pending && r.CoordinatorsRemindedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.CoordinatorsRemindedAt, now), cancellationToken);
        if (claimed != ids.Count)
        {
            // Another instance is reminding of some of them, or one was decided meanwhile: the next run reminds of the rest.
            return 0;
        }

        var coordinators = await db.Users.AsNoTracking().ActiveCoordinators().Where(NoticeChoice.ToldAtOnce)
            .Select(u => new { u.Email, u.FullName }).ToListAsync(cancellationToken);
        foreach (var coordinator in coordinators)
        {
            mail.RemindCoordinator(coordinator.Email!, coordinator.FullName, waiting);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return waiting.Count;
    }

    /// <summary>
    /// Creates the account and e-mails a single-use invitation, as <paramref name="coordinator"/> decided. A request is
    /// never answered with the coordinator's role. Returns an error message or null.
    /// </summary>
    public async Task<string?> InviteAsync(Reader coordinator, int requestId, PortalRole role)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        var request = await PendingAsync(requestId);
        if (request is null || !coordinator.IsCoordinator)
        {
            return "This request has already been decided or no longer exists.";
        }

        if (!PeopleRights.RolesFor(request.Participant!, includeCoordinator: false).Contains(role))
        {
            return $"{RoleLabels.Label(role)} is not a role for someone of {request.Participant!.Name}.";
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        Decide(request, AccessRequestStatus.Invited, role, null);
        audit.Write(AuditEvent.AccessRequestInvited, $"request #{request.Id}", $"{request.Email} as {RoleLabels.Label(role)}");
        var (error, _) = await invitations.InviteAsync(coordinator, request.Name, request.Email, request.Position, request.Participant!, role);
        if (error is not null)
        {
            db.ChangeTracker.Clear();
            return error;
        }

        await transaction.CommitAsync();
        return null;
    }

    /// <summary>
    /// E-mails the current entry code of the request's audience, as the portal holds it (nobody types it), and makes the
    /// person a code holder, who receives each new code until revoked. Returns an error message or null.
    /// </summary>
    public async Task<string?> SendCodeAsync(int requestId)
    {
        var request = await PendingAsync(requestId);
        if (request is null)
        {
            return "This request has already been decided or no longer exists.";
        }

        var audience = request.Participant!.IsState ? CodeAudience.States : CodeAudience.Observers;
        var code = await codes.CurrentCodeAsync(audience);
        if (code is null)
        {
            return $"The portal does not hold the current entry code for {EntryCodeStore.Label(audience)}: it was issued before the " +
                   "portal kept codes. Change the code on the Entry codes page; from then on the portal sends it itself.";
        }

        // The holding is saved first, for its number in the e-mail's subscriptions link; all of it or nothing.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        Decide(request, AccessRequestStatus.CodeSent, EntryCodeStore.RoleOf(audience), null);
        var holder = await holders.KeepAsync(request, audience);
        await db.SaveChangesAsync();
        codeMail.SendCode(holder.Id, request.Email, request.Name, request.Participant.Name, audience, code);
        audit.Write(AuditEvent.AccessRequestCodeSent, $"request #{request.Id}", $"{audience} code to {request.Email}, now a code holder");
        await db.SaveChangesAsync();
        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }

        return null;
    }

    public async Task<string?> RejectAsync(int requestId, string reason)
    {
        var request = await PendingAsync(requestId);
        if (request is null)
        {
            return "This request has already been decided or no longer exists.";
        }

        Decide(request, AccessRequestStatus.Rejected, null, reason);
        mail.SendRejection(request, reason);
        audit.Write(AuditEvent.AccessRequestRejected, $"request #{request.Id}", reason);
        await db.SaveChangesAsync();
        return null;
    }

    private Task<AccessRequest?> PendingAsync(int id) =>
        db.AccessRequests.Include(r => r.Participant).SingleOrDefaultAsync(r => r.Id == id && r.Status == AccessRequestStatus.Pending);

    private void Decide(AccessRequest request, AccessRequestStatus status, PortalRole? role, string? reason)
    {
        request.Status = status;
        request.GrantedRole = role;
        request.DecisionReason = reason;
        request.DecidedAt = time.GetUtcNow();
        request.DecidedBy = audit.CurrentActor();
    }
}
