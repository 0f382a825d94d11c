using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Email;

namespace Portal.Pages.Admin;

/// <summary>Every e-mail the portal wrote: sent, waiting, or failing with its last error.</summary>
public sealed class OutboxModel(PortalDbContext db, IOptions<SmtpOptions> smtp, MailSeal seal) : PageModel
{
    /// <summary>The text of a message; a sealed one is opened only while unsent (to be forwarded by hand in sample mode).</summary>
    public string Text(OutboxMessage message) => message.SentAt is null ? seal.Open(message) : message.Body;

    public IReadOnlyList<OutboxMessage> Rows { get; private set; } = [];

    public bool SmtpConfigured => smtp.Value.IsConfigured;

    public async Task OnGetAsync() =>
        Rows = await db.Outbox.AsNoTracking().OrderByDescending(m => m.Id).Take(100).ToListAsync();
}
