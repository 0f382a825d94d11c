using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Features.Audit;
using Portal.Infrastructure;

namespace Portal.Features.EntryCodes;

/// <summary>
/// Issues, rotates and checks the two portal-wide entry codes (States, observers). At most one code per audience is
/// current: the database enforces it (unique filtered index) and every rotation retires and issues in one transaction.
/// </summary>
public sealed class EntryCodeStore(
    PortalDbContext db, TimeProvider time, AuditLog audit, IDataProtectionProvider protection, EntryCodeMail mail)
{
    public const int DefaultRotationDays = 90;
    private const string SealPurpose = "Portal.EntryCodes.Reveal";

    private static string IntervalKey(CodeAudience audience) => $"EntryCode.{audience}.RotationDays";

    public static string Label(CodeAudience audience) => audience == CodeAudience.States ? "States" : "observers";

    /// <summary>How someone who entered with the audience's code reads: a member of the States, or an observer.</summary>
    public static PortalRole RoleOf(CodeAudience audience) => audience == CodeAudience.Observers ? PortalRole.Observer : PortalRole.Member;

    public async Task<int> RotationDaysAsync(CodeAudience audience)
    {
        var key = IntervalKey(audience);
        var value = await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).SingleOrDefaultAsync();
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : DefaultRotationDays;
    }

    public async Task SetRotationDaysAsync(CodeAudience audience, int days)
    {
        var key = IntervalKey(audience);
        var setting = await db.Settings.FindAsync(key);
        if (setting is null)
        {
            db.Settings.Add(new Setting { Key = key, Value = days.ToString(CultureInfo.InvariantCulture) });
        }
        else
        {
            setting.Value = days.ToString(CultureInfo.InvariantCulture);
        }

        var current = await CurrentAsync(audience);
        if (current is not null)
        {
            current.RotateAt = current.CreatedAt.AddDays(days);
        }

        audit.Write(AuditEvent.EntryCodeScheduleChanged, audience.ToString(), $"rotate every {days} days");
        await db.SaveChangesAsync();
    }

    public Task<EntryCode?> CurrentAsync(CodeAudience audience) =>
        db.EntryCodes.Where(c => c.Audience == audience && c.RetiredAt == null).SingleOrDefaultAsync();

    /// <summary>
    /// Retires the current code, issues a new one, ends every session opened with the old one and e-mails the new one
    /// to the audience's code holders. Returns the new code in clear text (for the sample start, which prints it).
    /// </summary>
    public async Task<string> RotateAsync(CodeAudience audience, string reason)
    {
        // Two rotations racing (a double click, two instances) meet at the unique index; the loser tries again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await RotateOnceAsync(audience, reason, expectedCurrentId: null))!;
            }
            catch (Exception ex) when (attempt < 3 && ex is DbUpdateException or System.Data.Common.DbException)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Issues a code only if the audience has none (first start); safe when instances start together.</summary>
    public async Task<string?> EnsureCurrentAsync(CodeAudience audience)
    {
        if (await CurrentAsync(audience) is not null)
        {
            return null;
        }

        try
        {
            return await RotateOnceAsync(audience, "first start", expectedCurrentId: null);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
        {
            db.ChangeTracker.Clear();
            return null; // another instance issued it first
        }
    }

    /// <summary>Rotates every code whose time has come; safe to run from several instances at once.</summary>
    public async Task<int> RotateDueAsync()
    {
        var now = time.GetUtcNow();
        var due = await db.EntryCodes.AsNoTracking().Where(c => c.RetiredAt == null && c.RotateAt <= now)
            .Select(c => new { c.Id, c.Audience }).ToListAsync();
        var rotated = 0;
        foreach (var code in due)
        {
            try
            {
                if (await RotateOnceAsync(code.Audience, "scheduled rotation", expectedCurrentId: code.Id) is not null)
                {
                    rotated++;
                }
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
            {
                db.ChangeTracker.Clear(); // another instance rotated it at the same moment
            }
        }

        return rotated;
    }

    /// <summary>
    /// One rotation in one transaction: retire (only <paramref name="expectedCurrentId"/> when given), issue, end the
    /// old code's sessions, e-mail the new code to the code holders, audit, and for a scheduled rotation tell the
    /// coordinators. Null when the expected code was already retired by someone else.
    /// </summary>
    private async Task<string?> RotateOnceAsync(CodeAudience audience, string reason, int? expectedCurrentId)
    {
        var now = time.GetUtcNow();
        var days = await RotationDaysAsync(audience);
        var code = EntryCodeFormat.Generate();
        var hash = EntryCodeFormat.Hash(EntryCodeFormat.Normalize(code)!);

        // Before the transaction: the first Protect may write a Data Protection key, which on SQLite would wait for
        // the very write lock this transaction holds (the code e-mails sealed below then find the key ring loaded).
        var held = protection.CreateProtector(SealPurpose).Protect(code);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var retiring = db.EntryCodes.Where(c => c.Audience == audience && c.RetiredAt == null &&
                                                 (expectedCurrentId == null || c.Id == expectedCurrentId));
        var retiredIds = await retiring.Select(c => c.Id).ToListAsync();
        var retired = await retiring.ExecuteUpdateAsync(u => u.SetProperty(c => c.RetiredAt, now).SetProperty(c => c.Sealed, (string?)null));
        if (expectedCurrentId is not null && retired == 0)
        {
            return null;
        }

        var scheduled = expectedCurrentId is not null;
        db.EntryCodes.Add(new EntryCode
        {
            Audience = audience,
            Hash = hash,
            CreatedAt = now,
            RotateAt = now.AddDays(days),
            CreatedBy = scheduled ? "system (schedule)" : audit.CurrentActor(),
            Sealed = held,
        });
        await db.SaveChangesAsync();
        // The old code's unsent e-mails go, then the new code goes to everyone who holds the audience's code.
        await mail.CancelUnsentCodesAsync(audience);
        var holders = await db.CodeHolders.AsNoTracking().Current(audience).OrderBy(h => h.Id)
            .Select(h => new { h.Id, h.Email, h.Name }).ToListAsync();
        foreach (var holder in holders)
        {
            mail.SendNewCode(holder.Id, holder.Email, holder.Name, audience, code);
        }

        audit.Write(AuditEvent.EntryCodeRotated, audience.ToString(), $"{reason}; sent to {holders.Count} code holder(s)");
        if (scheduled)
        {
            await NotifyCoordinatorsAsync(audience, holders.Count);
        }

        await db.SaveChangesAsync();
        await db.Sessions.Where(s => s.EntryCodeId != null && retiredIds.Contains(s.EntryCodeId.Value) && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, "entry code rotated"));
        await transaction.CommitAsync();
        return code;
    }

    private async Task NotifyCoordinatorsAsync(CodeAudience audience, int holders)
    {
        var coordinators = await db.Users.AsNoTracking().ActiveCoordinators()
            .Select(u => new { u.Email, u.FullName }).ToListAsync();
        foreach (var coordinator in coordinators)
        {
            mail.TellCoordinatorOfRotation(coordinator.Email!, coordinator.FullName, audience, holders);
        }
    }

    /// <summary>
    /// The current code of <paramref name="audience"/> in clear, for the portal to send it; null when there is none or
    /// it was issued before the portal kept codes. Never shown: a coordinator who wants to see it calls
    /// <see cref="RevealAsync"/>.
    /// </summary>
    public async Task<string?> CurrentCodeAsync(CodeAudience audience)
    {
        var sealedCode = await db.EntryCodes.AsNoTracking().Where(c => c.Audience == audience && c.RetiredAt == null)
            .Select(c => c.Sealed).SingleOrDefaultAsync();
        return sealedCode is null ? null : protection.CreateProtector(SealPurpose).Unprotect(sealedCode);
    }

    /// <summary>Shows the current code to the coordinator who asked, on purpose: audited each time.</summary>
    public async Task<string?> RevealAsync(CodeAudience audience)
    {
        var code = await CurrentCodeAsync(audience);
        if (code is not null)
        {
            await audit.RecordAsync(AuditEvent.EntryCodeRevealed, audience.ToString());
        }

        return code;
    }

    /// <summary>Finds the current code of either audience that matches the input, or null.</summary>
    public async Task<EntryCode?> MatchAsync(string? input)
    {
        var normalized = EntryCodeFormat.Normalize(input);
        if (normalized is null)
        {
            return null;
        }

        var current = await db.EntryCodes.Where(c => c.RetiredAt == null).ToListAsync();
        return current.FirstOrDefault(c => EntryCodeFormat.Verify(normalized, c.Hash));
    }
}

/// <summary>
/// Checks once a minute whether a code is due for rotation, and runs the code holders' yearly check. The heartbeat is
/// real time; what is due is decided on <see cref="TimeProvider"/> inside <see cref="EntryCodeStore.RotateDueAsync"/>
/// and <see cref="CodeHolders.ReviewAsync"/>.
/// </summary>
public sealed class EntryCodeRotationService(IServiceScopeFactory scopes, ILogger<EntryCodeRotationService> logger)
    : ScheduledJob(scopes, logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(1);

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // Holders are checked first, so that one dropped now does not receive a code changed in the same minute.
        var (asked, dropped) = await services.GetRequiredService<CodeHolders>().ReviewAsync(cancellationToken);
        if (asked + dropped > 0)
        {
            Logger.LogInformation("Asked {Asked} code holder(s) to confirm; dropped {Dropped} who did not", asked, dropped);
        }

        var rotated = await services.GetRequiredService<EntryCodeStore>().RotateDueAsync();
        if (rotated > 0)
        {
            Logger.LogInformation("Rotated {Count} entry code(s) on schedule", rotated);
        }
    }
}
