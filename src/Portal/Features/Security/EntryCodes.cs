using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Features.Email;

namespace Portal.Features.Security;

/// <summary>Issues, rotates and checks the two portal-wide entry codes (States, observers).</summary>
public sealed class EntryCodes(
    PortalDbContext db, TimeProvider time, SessionStore sessions, AuditLog audit, IDataProtectionProvider protection, Outbox outbox)
{
    public const int DefaultRotationDays = 90;
    private const string RevealPurpose = "Portal.EntryCodes.Reveal";

    private static string IntervalKey(CodeAudience audience) => $"EntryCode.{audience}.RotationDays";

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

        audit.Write("EntryCodeScheduleChanged", audience.ToString(), $"rotate every {days} days");
        await db.SaveChangesAsync();
    }

    public Task<EntryCode?> CurrentAsync(CodeAudience audience) =>
        db.EntryCodes.Where(c => c.Audience == audience && c.RetiredAt == null)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync();

    /// <summary>
    /// Retires the current code, issues a new one and ends every session opened with the old one.
    /// Returns the new code in clear text; it is also held encrypted until a coordinator has seen it once.
    /// </summary>
    public async Task<string> RotateAsync(CodeAudience audience, string reason, bool keepForReveal = true)
    {
        var now = time.GetUtcNow();
        var days = await RotationDaysAsync(audience);
        var code = EntryCodeFormat.Generate();
        var old = await CurrentAsync(audience);
        if (old is not null)
        {
            old.RetiredAt = now;
            old.PendingReveal = null;
        }

        db.EntryCodes.Add(new EntryCode
        {
            Audience = audience,
            Hash = EntryCodeFormat.Hash(EntryCodeFormat.Normalize(code)!),
            CreatedAt = now,
            RotateAt = now.AddDays(days),
            CreatedBy = audit.CurrentActor(),
            PendingReveal = keepForReveal ? protection.CreateProtector(RevealPurpose).Protect(code) : null,
        });
        audit.Write("EntryCodeRotated", audience.ToString(), reason);
        await db.SaveChangesAsync();

        if (old is not null)
        {
            await sessions.EndAllForCodeAsync(old.Id, "entry code rotated");
        }

        return code;
    }

    /// <summary>Shows a freshly rotated code to a coordinator once, then forgets it.</summary>
    public async Task<string?> RevealOnceAsync(CodeAudience audience)
    {
        var current = await CurrentAsync(audience);
        if (current?.PendingReveal is null)
        {
            return null;
        }

        var code = protection.CreateProtector(RevealPurpose).Unprotect(current.PendingReveal);
        current.PendingReveal = null;
        audit.Write("EntryCodeRevealed", audience.ToString());
        await db.SaveChangesAsync();
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

    /// <summary>Rotates every code whose time has come; safe to run from several instances at once.</summary>
    public async Task<int> RotateDueAsync()
    {
        var now = time.GetUtcNow();
        var due = await db.EntryCodes.AsNoTracking().Where(c => c.RetiredAt == null && c.RotateAt <= now)
            .Select(c => new { c.Id, c.Audience }).ToListAsync();
        var rotated = 0;
        foreach (var code in due)
        {
            // Claim the retirement first: only the instance whose update succeeds issues the replacement.
            var claimed = await db.EntryCodes.Where(c => c.Id == code.Id && c.RetiredAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.RetiredAt, now).SetProperty(c => c.PendingReveal, (string?)null));
            if (claimed == 1)
            {
                await IssueAfterScheduledRetirementAsync(code.Id, code.Audience);
                rotated++;
            }
        }

        return rotated;
    }

    private async Task IssueAfterScheduledRetirementAsync(int oldId, CodeAudience audience)
    {
        var now = time.GetUtcNow();
        var days = await RotationDaysAsync(audience);
        var code = EntryCodeFormat.Generate();
        db.EntryCodes.Add(new EntryCode
        {
            Audience = audience,
            Hash = EntryCodeFormat.Hash(EntryCodeFormat.Normalize(code)!),
            CreatedAt = now,
            RotateAt = now.AddDays(days),
            CreatedBy = "system (schedule)",
            PendingReveal = protection.CreateProtector(RevealPurpose).Protect(code),
        });
        audit.Write("EntryCodeRotated", audience.ToString(), "scheduled rotation");

        // The code itself never travels by e-mail from here: the coordinators are told where to see it once.
        var coordinators = await db.Users.AsNoTracking()
            .Where(u => u.Role == PortalRole.Coordinator && u.IsActivated && !u.IsDisabled)
            .Select(u => new { u.Email, u.FullName }).ToListAsync();
        var label = audience == CodeAudience.States ? "States" : "observers";
        foreach (var coordinator in coordinators)
        {
            outbox.Enqueue(coordinator.Email!, $"The entry code for {label} has changed", $"""
                Dear {coordinator.FullName},

                The entry code for {label} was changed on schedule. Everyone who entered with the old code has been signed out.
                The new code is shown once on {outbox.Link("/Admin/Codes")}; send it to the delegations that should have it.
                """);
        }
        await db.SaveChangesAsync();
        await sessions.EndAllForCodeAsync(oldId, "entry code rotated");
    }
}

/// <summary>
/// Checks once a minute whether a code is due for rotation. The heartbeat is real time; whether a code is due is
/// decided on <see cref="TimeProvider"/> inside <see cref="EntryCodes.RotateDueAsync"/>.
/// </summary>
public sealed class EntryCodeRotationService(IServiceScopeFactory scopes, ILogger<EntryCodeRotationService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var rotated = await scope.ServiceProvider.GetRequiredService<EntryCodes>().RotateDueAsync();
                if (rotated > 0)
                {
                    logger.LogInformation("Rotated {Count} entry code(s) on schedule", rotated);
                }
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
            {
                logger.LogError(ex, "Scheduled entry-code rotation failed; will retry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
