using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;

namespace Portal.Features.EntryCodes;

/// <summary>
/// The people who receive each new entry code by e-mail: everyone a coordinator sent a code to, until revoked. Who is
/// a current holder is said once (<see cref="CodeHolderQueries.Current"/>) and used by the rotation that e-mails them and by the page
/// that lists them.
/// </summary>
public sealed class CodeHolders(PortalDbContext db, TimeProvider time, AuditLog audit)
{
    /// <summary>
    /// Records, in the caller's unit of work, that the person of <paramref name="request"/> holds the code of
    /// <paramref name="audience"/>; someone who already holds it keeps their holding.
    /// </summary>
    public async Task KeepAsync(AccessRequest request, CodeAudience audience)
    {
        ArgumentNullException.ThrowIfNull(request);
        var normalized = Access.AccessRequests.NormalizeEmail(request.Email);
        if (await db.CodeHolders.Current(audience).AnyAsync(h => h.NormalizedEmail == normalized))
        {
            return;
        }

        db.CodeHolders.Add(new CodeHolder
        {
            Audience = audience,
            Name = request.Name,
            Email = request.Email,
            NormalizedEmail = normalized,
            ParticipantId = request.ParticipantId,
            AccessRequestId = request.Id,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = audit.CurrentActor(),
        });
    }

    /// <summary>Stops sending new codes to a holder. False when there is no such current holder (already revoked).</summary>
    public async Task<bool> RevokeAsync(int id)
    {
        var holder = await db.CodeHolders.Where(h => h.Id == id && h.RevokedAt == null).SingleOrDefaultAsync();
        if (holder is null)
        {
            return false;
        }

        holder.RevokedAt = time.GetUtcNow();
        holder.RevokedBy = audit.CurrentActor();
        audit.Write(AuditEvent.CodeHolderRevoked, $"code holder #{holder.Id}", $"{holder.Email} ({holder.Audience})");
        await db.SaveChangesAsync();
        return true;
    }
}

public static class CodeHolderQueries
{
    /// <summary>The holders who receive the next code of <paramref name="audience"/>.</summary>
    public static IQueryable<CodeHolder> Current(this IQueryable<CodeHolder> holders, CodeAudience audience) =>
        holders.Where(h => h.Audience == audience && h.RevokedAt == null);
}
