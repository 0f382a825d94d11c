using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;

namespace Portal.Pages.Admin;

/// <summary>Reads the audit log; filters by action, text and date. The page offers no way to change it.</summary>
public sealed class AuditModel(PortalDbContext db) : PageModel
{
    private const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The event chosen in the filter; a name this version does not know filters nothing.</summary>
    public AuditEvent? Event => AuditEvents.Parse(Action);

    public IReadOnlyList<AuditEntry> Rows { get; private set; } = [];

    public bool HasMore { get; private set; }

    public async Task OnGetAsync()
    {
        var query = db.AuditEntries.AsNoTracking();
        if (Event is AuditEvent chosen)
        {
            var name = chosen.ToString();
            query = query.Where(a => a.Action == name);
        }

        if (From is DateOnly from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At >= start);
        }

        if (To is DateOnly to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(a => a.At < end);
        }

        if (!string.IsNullOrWhiteSpace(Text))
        {
            var t = Text.Trim();
            query = query.Where(a => a.Actor.Contains(t) || (a.Target != null && a.Target.Contains(t)) ||
                                     (a.Detail != null && a.Detail.Contains(t)) || (a.IpAddress != null && a.IpAddress.Contains(t)));
        }

        PageNumber = Math.Max(1, PageNumber);
        var rows = await query.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
    }
}
