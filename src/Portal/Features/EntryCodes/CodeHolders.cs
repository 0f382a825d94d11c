using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;

namespace Portal.Features.EntryCodes;

/// <summary>
/// The people who receive each new entry code by e-mail: everyone a coordinator sent a code to, until revoked. Who is
/// a current holder is said once (<see cref="CodeHolderQueries.Current"/>) and used by the rotation that e-mails them and by the page
/// that lists them.
/// </summary>
public sealed class CodeHolders(PortalDbContext db, TimeProvider time, AuditLog audit, EntryCodeMail mail)
{
    /// <summary>
    /// Records, in the caller's unit of work, that the person of <paramref name="request"/> holds the code of
    /// <paramref name="audience"/>, and returns the holding; someone who already holds it keeps theirs.
    /// </summary>
    public async Task<CodeHolder> KeepAsync(AccessRequest request, CodeAudience audience)
    {
        ArgumentNullException.ThrowIfNull(request);
        var normalized = Access.AccessRequests.NormalizeEmail(request.Email);
        if (await db.CodeHolders.Current(audience).SingleOrDefaultAsync(h => h.NormalizedEmail == normalized) is { } held)
        {
            return held;
        }

        var now = time.GetUtcNow();
        var holder = new CodeHolder
        {
            Audience = audience,
            Name = request.Name,
            Email = request.Email,
            NormalizedEmail = normalized,
            ParticipantId = request.ParticipantId,
            AccessRequestId = request.Id,
            CreatedAt = now,
            CreatedBy = audit.CurrentActor(),
            ConfirmedAt = now,
        };
        db.CodeHolders.Add(holder);
        return holder;
    }

    public const string RevokedByCoordinator = "Revoked by a coordinator.";

    /// <summary>
    /// Stops sending new codes to a holder, and ends their subscriptions with it. False when there is no such current
    /// holder (already revoked).
    /// </summary>
    public async Task<bool> RevokeAsync(int id)
    {
        var holder = await db.CodeHolders.Where(h => h.Id == id && h.RevokedAt == null).SingleOrDefaultAsync();
        if (holder is null)
        {
            return false;
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        End(holder, RevokedByCoordinator);
        audit.Write(AuditEvent.CodeHolderRevoked, $"code holder #{holder.Id}", $"{holder.Email} ({holder.Audience})");
        await db.SaveChangesAsync();
        await db.Subscriptions.Where(s => s.CodeHolderId == holder.Id).ExecuteDeleteAsync();
        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }

        return true;
    }

    /// <summary>How long a holder keeps receiving codes without saying that they still need them.</summary>
    public static readonly TimeSpan ConfirmEvery = TimeSpan.FromDays(365);

    /// <summary>How long a holder has to answer the yearly e-mail (its link lasts as long).</summary>
    public static TimeSpan Grace => CodeHolderLinks.ConfirmLifetime;

    public static readonly string DroppedUnconfirmed =
        $"Did not confirm within {Grace.Days} days of the yearly e-mail that they still need access.";

    /// <summary>
    /// The yearly check: e-mails every holder who last confirmed a year ago a link to confirm, and drops (with their
    /// subscriptions) those who did not answer within <see cref="Grace"/>, so that the next code does not reach them.
    /// Each holder is claimed by a conditional update in the transaction of its e-mail or its end, so that several
    /// instances never ask or drop twice.
    /// </summary>
    public async Task<(int Asked, int Dropped)> ReviewAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var answerBy = now - Grace;
        var overdue = await db.CodeHolders.AsNoTracking()
            .Where(h => h.RevokedAt == null && h.ConfirmationAskedAt != null && h.ConfirmationAskedAt <= answerBy)
            .OrderBy(h => h.Id).Select(h => new { h.Id, h.Email, h.Audience }).ToListAsync(cancellationToken);
        var dropped = 0;
        foreach (var holder in overdue)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.CodeHolders
                .Where(h => h.Id == holder.Id && h.RevokedAt == null && h.ConfirmationAskedAt != null && h.ConfirmationAskedAt <= answerBy)
                .ExecuteUpdateAsync(u => u.SetProperty(h => h.RevokedAt, now).SetProperty(h => h.RevokedBy, audit.CurrentActor())
                    .SetProperty(h => h.RevokedReason, DroppedUnconfirmed), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            await db.Subscriptions.Where(s => s.CodeHolderId == holder.Id).ExecuteDeleteAsync(cancellationToken);
            audit.Write(AuditEvent.CodeHolderDropped, $"code holder #{holder.Id}", $"{holder.Email} ({holder.Audience})");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            dropped++;
        }

        var confirmedBefore = now - ConfirmEvery;
        var due = await db.CodeHolders.AsNoTracking()
            .Where(h => h.RevokedAt == null && h.ConfirmationAskedAt == null && h.ConfirmedAt <= confirmedBefore)
            .OrderBy(h => h.Id).Select(h => new { h.Id, h.Email, h.Name, h.Audience }).ToListAsync(cancellationToken);
        var asked = 0;
        foreach (var holder in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.CodeHolders.Where(h => h.Id == holder.Id && h.RevokedAt == null && h.ConfirmationAskedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(h => h.ConfirmationAskedAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            mail.AskToConfirm(holder.Id, holder.Email, holder.Name, holder.Audience, now + Grace);
            audit.Write(AuditEvent.CodeHolderAskedToConfirm, $"code holder #{holder.Id}", $"{holder.Email} ({holder.Audience})");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            asked++;
        }

        return (asked, dropped);
    }

    /// <summary>
    /// The holder says they still need access (from the yearly e-mail's link): they keep receiving codes for another
    /// year. False when the holding has ended.
    /// </summary>
    public async Task<bool> ConfirmAsync(int id)
    {
        var holder = await db.CodeHolders.Where(h => h.Id == id && h.RevokedAt == null).SingleOrDefaultAsync();
        if (holder is null)
        {
            return false;
        }

        holder.ConfirmedAt = time.GetUtcNow();
        holder.ConfirmationAskedAt = null;
        audit.Write(AuditEvent.CodeHolderConfirmed, $"code holder #{holder.Id}", $"{holder.Email} ({holder.Audience})");
        await db.SaveChangesAsync();
        return true;
    }

    private void End(CodeHolder holder, string reason)
    {
        holder.RevokedAt = time.GetUtcNow();
        holder.RevokedBy = audit.CurrentActor();
        holder.RevokedReason = reason;
    }
}

public static class CodeHolderQueries
{
    /// <summary>The holders who receive the next code of <paramref name="audience"/>.</summary>
    public static IQueryable<CodeHolder> Current(this IQueryable<CodeHolder> holders, CodeAudience audience) =>
        holders.Where(h => h.Audience == audience && h.RevokedAt == null);
}
