using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Features.Audit;
using Portal.Features.EntryCodes;

namespace Portal.Features.Access;

/// <summary>The request-and-approve path into the portal. Every outcome is audited and e-mailed.</summary>
public sealed class AccessRequests(
    PortalDbContext db, TimeProvider time, AuditLog audit, AccessMail mail, EntryCodeMail codeMail, AccountAdmin accounts, EntryCodeStore codes)
{
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
    /// Files the request and tells the person and the coordinators. Null, with nothing filed or sent, when a request
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
        await TellCoordinatorsAsync(request);
        await db.SaveChangesAsync();
        return request;
    }

    /// <summary>A request not filed because one from the same e-mail address is pending: audited, nobody e-mailed.</summary>
    public Task RecordRepeatAsync(string name, string email) =>
        audit.RecordAsync(AuditEvent.AccessRequestRepeated, null, "not filed: a request from this e-mail address is already waiting",
            AuditLog.Unverified(name, email));

    /// <summary>A request waits for a coordinator: they are told at once, so that nobody has to look.</summary>
    private async Task TellCoordinatorsAsync(AccessRequest request)
    {
        var participant = await db.Participants.AsNoTracking().Where(p => p.Id == request.ParticipantId).Select(p => p.Name).SingleAsync();
        var coordinators = await db.Users.AsNoTracking().ActiveCoordinators().Select(u => new { u.Email, u.FullName }).ToListAsync();
        foreach (var coordinator in coordinators)
        {
            mail.TellCoordinator(coordinator.Email!, coordinator.FullName, request, participant);
        }
    }

    /// <summary>Creates the account and e-mails a single-use invitation. Returns an error message or null.</summary>
    public async Task<string?> InviteAsync(int requestId, PortalRole role)
    {
        var request = await PendingAsync(requestId);
        if (request is null)
        {
            return "This request has already been decided or no longer exists.";
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        Decide(request, AccessRequestStatus.Invited, role, null);
        audit.Write(AuditEvent.AccessRequestInvited, $"request #{request.Id}", $"{request.Email} as {RoleLabels.Label(role)}");
        var error = await accounts.InviteAsync(request.Name, request.Email, request.Position, request.Participant!, role, allowCoordinator: false);
        if (error is not null)
        {
            db.ChangeTracker.Clear();
            return error;
        }

        await transaction.CommitAsync();
        return null;
    }

    /// <summary>
    /// E-mails the current entry code. The code exists in clear only in the coordinator's hands, so the
    /// coordinator types it; it is checked against the current code of the right audience first.
    /// </summary>
    public async Task<string?> SendCodeAsync(int requestId, string typedCode)
    {
        var request = await PendingAsync(requestId);
        if (request is null)
        {
            return "This request has already been decided or no longer exists.";
        }

        var audience = request.Participant!.IsState ? CodeAudience.States : CodeAudience.Observers;
        var match = await codes.MatchAsync(typedCode);
        if (match is null || match.Audience != audience)
        {
            return $"That is not the current entry code for {(audience == CodeAudience.States ? "States" : "observers")}. " +
                   "Check it on the Entry codes page (rotate it if you no longer have it).";
        }

        Decide(request, AccessRequestStatus.CodeSent, audience == CodeAudience.States ? PortalRole.Member : PortalRole.Observer, null);
        codeMail.SendCode(request.Email, request.Name, request.Participant.Name, audience, typedCode);
        audit.Write(AuditEvent.AccessRequestCodeSent, $"request #{request.Id}", $"{audience} code to {request.Email}");
        await db.SaveChangesAsync();
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
