using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Infrastructure.Email;

public sealed class SmtpOptions
{
    /// <summary>Empty: sample mode, messages stay in the outbox for the coordinator to read.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>
    /// How the connection is protected: <c>Auto</c> (TLS from the start on port 465, otherwise STARTTLS when the
    /// server offers it), <c>StartTls</c> (required), <c>SslOnConnect</c> (SMTPS), or <c>None</c> (a local relay).
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>The setting <see cref="Security"/> replaced; set, the portal refuses to start rather than guess.</summary>
    public bool? EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, an address or a name with it: <c>CCM Cooperation Portal &lt;portal@example.org&gt;</c>.</summary>
    public string From { get; set; } = "portal@localhost";

    public bool HasValidFrom => MimeKit.MailboxAddress.TryParse(From, out var address) && address.Address.Contains('@', StringComparison.Ordinal);

    /// <summary>The address people open, used in links inside e-mails; unset, the address the portal listens on (<see cref="PublicAddress"/>).</summary>
    public string? PublicBaseUrl { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>False only in tests, which send explicitly so that they know when a message has left.</summary>
    public bool DispatchInBackground { get; set; } = true;
}

/// <summary>Queues e-mails in the database, in the caller's unit of work; the dispatcher sends them.</summary>
public sealed class Outbox(PortalDbContext db, TimeProvider time, OutboxSignal signal, PublicAddress address, MailSeal seal)
{
    public string Link(string pathAndQuery) => address.BaseUrl + pathAndQuery;

    public const string ErasedBody = "[Erased: this message contained a single-use link or an entry code.]";

    /// <summary>
    /// Stops unsent messages of this kind from going out and erases their bodies, in the caller's transaction:
    /// used when the secret they carry has been replaced.
    /// </summary>
    public Task<int> CancelUnsentAsync(string kind, string reason)
    {
        var now = time.GetUtcNow();
        return db.Outbox.Where(m => m.Kind == kind && m.SentAt == null && m.CancelledAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.CancelledAt, now).SetProperty(m => m.CancelReason, reason)
                .SetProperty(m => m.Body, ErasedBody));
    }

    /// <summary>
    /// Queues a message of a <paramref name="kind"/> its feature defines; <paramref name="sensitive"/> bodies are kept
    /// sealed (<see cref="MailSeal"/>) and erased from the database once delivered. <paramref name="replyTo"/>: where an answer should go when it is a person
    /// rather than the portal (whose address nobody reads); <paramref name="unsubscribeUrl"/>: the page that stops mail
    /// like this, for the mail program's own "unsubscribe" button.
    /// </summary>
    public void Enqueue(
        string kind, string to, string subject, string body, bool sensitive = false, string? replyTo = null, string? unsubscribeUrl = null)
    {
        var now = time.GetUtcNow();
        db.Outbox.Add(new OutboxMessage
        {
            Kind = kind,
            To = to,
            Subject = SubjectLine(subject),
            Body = sensitive ? seal.Seal(body) : body,
            Sensitive = sensitive,
            ReplyTo = replyTo,
            UnsubscribeUrl = unsubscribeUrl,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        signal.Wake();
    }

    /// <summary>
    /// The subject on one line and within its column: subjects quote titles and names people typed, which may hold line
    /// breaks and together pass <see cref="OutboxMessage.SubjectLength"/> (the database would refuse the row, and with
    /// it the change that caused the message). A longer one ends in "…", never inside a character.
    /// </summary>
    public static string SubjectLine(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var line = subject.ReplaceLineEndings(" ").Trim();
        if (line.Length <= OutboxMessage.SubjectLength)
        {
            return line;
        }

        var cut = OutboxMessage.SubjectLength - 1;
        if (char.IsHighSurrogate(line[cut - 1]))
        {
            cut--;
        }

        return line[..cut] + "…";
    }
}

/// <summary>Lets a request wake the dispatcher at once instead of waiting for its next poll.</summary>
public sealed class OutboxSignal : JobSignal;

/// <summary>
/// Sends queued messages over SMTP. A failed send is retried with growing delays and stays visible with its error;
/// nothing is dropped. Rows are claimed with a lease so two app instances never send the same message twice.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, OutboxSignal signal, IOptions<SmtpOptions> options, TimeProvider time, MailSeal seal,
    ILogger<OutboxDispatcher> logger) : ScheduledJob(scopes, logger)
{
    // Far longer than one send can take (SmtpConnection.Timeout for each step of it), so that no other instance claims
    // a message while it is on its way.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected override TimeSpan Period => TimeSpan.FromSeconds(15);

    protected override bool RunsInBackground => options.Value.IsConfigured && options.Value.DispatchInBackground;

    protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DispatchDueAsync(services.GetRequiredService<PortalDbContext>(), cancellationToken);

    // A new message wakes the dispatcher at once; otherwise it looks every period.
    protected override async Task<bool> WaitForNextRunAsync(CancellationToken cancellationToken)
    {
        await signal.WaitAsync(Period, cancellationToken);
        return true;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured)
        {
            Logger.LogInformation("No SMTP host configured: e-mails stay in the outbox (Admin > Outbox)");
        }

        return base.ExecuteAsync(stoppingToken);
    }

    /// <summary>Sends what is due now (tests call this to know when a message has left).</summary>
    public async Task<int> DispatchDueAsync(CancellationToken token = default)
    {
        await using var scope = CreateScope();
        return await DispatchDueAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), token);
    }

    private async Task<int> DispatchDueAsync(PortalDbContext db, CancellationToken token)
    {
        var now = time.GetUtcNow();
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.CancelledAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(50).ToListAsync(token);
        var sent = 0;
        using var connection = new SmtpConnection(options.Value);
        foreach (var id in due)
        {
            var claimed = await db.Outbox
                .Where(m => m.Id == id && m.SentAt == null && m.CancelledAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.LockedUntil, now + Lease), token);
            if (claimed == 1 && await SendOneAsync(db, connection, id, token))
            {
                sent++;
            }

            if (connection.IsUnreachable)
            {
                // The server did not let us in: the rest wait for the next run rather than each waiting for a timeout.
                break;
            }
        }

        await connection.CloseAsync(token);
        return sent;
    }

    private async Task<bool> SendOneAsync(PortalDbContext db, SmtpConnection connection, long id, CancellationToken token)
    {
        var message = await db.Outbox.SingleAsync(m => m.Id == id, token);
        message.Attempts++;
        try
        {
            await connection.SendAsync(MailComposer.Compose(message, options.Value.From, seal.Open(message)), token);
            message.SentAt = time.GetUtcNow();
            message.LastError = null;
            if (message.Sensitive)
            {
                message.Body = Outbox.ErasedBody;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            // Whatever went wrong (a refused address, a timeout, a server without STARTTLS) is kept on the message and
            // tried again later; only the portal's own shutdown stops here. A message that could not even be written
            // leaves the connection as it was; any other failure starts the next message on a fresh one.
            if (ex is not MimeKit.ParseException)
            {
                connection.Reset();
            }

            // 1, 2, 4 ... minutes, capped at six hours; the message stays until sent or read in the portal.
            var delay = TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Math.Min(message.Attempts - 1, 9))));
            message.NextAttemptAt = time.GetUtcNow() + delay;
            message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            Logger.LogWarning(ex, "Sending e-mail {Id} failed (attempt {Attempts})", id, message.Attempts);
        }

        message.LockedUntil = null;
        await db.SaveChangesAsync(token);
        return message.SentAt is not null;
    }
}
