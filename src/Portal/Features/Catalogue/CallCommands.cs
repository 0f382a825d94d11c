using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;

namespace Portal.Features.Catalogue;

/// <summary>Opening, changing and extending calls. Each command checks the editor right itself.</summary>
public sealed class CallCommands(PortalDbContext db, CatalogueVisitors visitors, AuditLog audit, TimeProvider time)
{
    /// <summary>Saves a new call whose fields the form has checked (<see cref="CallForm.TryApply"/>).</summary>
    public async Task CreateAsync(CatalogueCall call, bool publish)
    {
        ArgumentNullException.ThrowIfNull(call);
        await RequireEditorAsync();
        call.CreatedAt = time.GetUtcNow();
        call.Status = publish ? CallStatus.Published : CallStatus.Draft;
        db.CatalogueCalls.Add(call);
        await db.SaveChangesAsync();
        await audit.RecordAsync(publish ? AuditEvent.CallPublished : AuditEvent.CallSaved, $"call:{call.Id}", call.Title);
    }

    public async Task UpdateAsync(CatalogueCall call, bool publish)
    {
        ArgumentNullException.ThrowIfNull(call);
        await RequireEditorAsync();
        var publishing = publish && call.Status == CallStatus.Draft;
        if (publishing)
        {
            call.Status = CallStatus.Published;
        }

        call.Version++;
        audit.Write(publishing ? AuditEvent.CallPublished : AuditEvent.CallSaved, $"call:{call.Id}", call.Title);
        await db.SaveChangesAsync();
    }

    /// <summary>A later deadline for one participant; a second grant replaces the first.</summary>
    public async Task ExtendAsync(CatalogueCall call, int participantId, DateOnly deadline)
    {
        ArgumentNullException.ThrowIfNull(call);
        var visitor = await RequireEditorAsync();
        var existing = await db.CallExtensions.SingleOrDefaultAsync(x => x.CallId == call.Id && x.ParticipantId == participantId);
        if (existing is null)
        {
            db.CallExtensions.Add(new CallExtension
            {
                CallId = call.Id,
                ParticipantId = participantId,
                Deadline = deadline,
                GrantedAt = time.GetUtcNow(),
                GrantedBy = visitor.Reader.UserId!,
            });
        }
        else
        {
            existing.Deadline = deadline;
            existing.GrantedAt = time.GetUtcNow();
            existing.GrantedBy = visitor.Reader.UserId!;
        }

        audit.Write(AuditEvent.CallExtended, $"participant:{participantId}",
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{call.Title}: until the end of {deadline:yyyy-MM-dd}"));
        await db.SaveChangesAsync();
    }

    private async Task<CatalogueVisitor> RequireEditorAsync()
    {
        var visitor = await visitors.CurrentAsync();
        return visitor.IsEditor ? visitor : throw new UnauthorizedAccessException("Only editors run calls.");
    }
}
