using Portal.Data;
using Portal.Features.Access;
using Portal.Infrastructure;

namespace Portal.Features.Audit;

/// <summary>
/// Adds entries to the audit log in the caller's unit of work, so an entry is saved with the change it records.
/// The app only ever inserts into this table.
/// </summary>
public sealed class AuditLog(PortalDbContext db, IHttpContextAccessor http, TimeProvider time, PortalMetrics metrics)
{
    public void Write(AuditEvent action, string? target = null, string? detail = null) =>
        WriteAs(CurrentActor(), action, target, detail);

    public void WriteAs(string actor, AuditEvent action, string? target = null, string? detail = null)
    {
        if (action is AuditEvent.SignInFailed or AuditEvent.SignInLockedOut or AuditEvent.TwoFactorFailed)
        {
            metrics.SignInFailed();
        }

        var user = http.HttpContext?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = Truncate(actor, 300)!,
            ActorUserId = user?.UserIdOf(),
            ActorParticipantId = user?.ParticipantIdOf(),
            Action = action.ToString(),
            Target = Truncate(target, 300),
            Detail = Truncate(detail, 2000),
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    /// <summary>Writes and saves at once, for events that change nothing else (a failed sign-in).</summary>
    public async Task RecordAsync(AuditEvent action, string? target = null, string? detail = null, string? actor = null)
    {
        WriteAs(actor ?? CurrentActor(), action, target, detail);
        await db.SaveChangesAsync();
    }

    public string CurrentActor()
    {
        var context = http.HttpContext;
        if (context is null)
        {
            return "system";
        }

        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return "anonymous";
        }

        var email = user.FindFirst(PortalClaims.Email)?.Value;
        return user.IsCodeSession()
            ? Unverified(user.DisplayNameOf(), email) + " (entry code)"
            : $"{user.DisplayNameOf()} <{email}>";
    }

    /// <summary>A name and address typed by a visitor, marked so nobody mistakes it for a signed-in account.</summary>
    public static string Unverified(string name, string? email) => $"unverified: {name} <{email}>";

    private static string? Truncate(string? value, int max) =>
        value is null || value.Length <= max ? value : value[..max];
}
