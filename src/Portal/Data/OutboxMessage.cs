namespace Portal.Data;

/// <summary>Every e-mail is written here first, in the same transaction as the change that causes it.</summary>
public class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>
    /// What the message is, as a short key its feature defines (<c>entry-code:States</c>,
    /// <c>access-request-waiting</c>): the portal finds messages by kind, never by their wording.
    /// </summary>
    public required string Kind { get; set; }

    public required string To { get; set; }

    /// <summary>One line of at most <see cref="SubjectLength"/> characters (<c>Outbox.Enqueue</c> makes it so).</summary>
    public required string Subject { get; set; }

    /// <summary>The subject column's length.</summary>
    public const int SubjectLength = 300;

    public required string Body { get; set; }

    /// <summary>Where replies go, when that is a person (the portal's own address is read by nobody); null: no Reply-To.</summary>
    public string? ReplyTo { get; set; }

    /// <summary>The page that stops e-mails like this one (a subscription's), sent as <c>List-Unsubscribe</c>; null for other mail.</summary>
    public string? UnsubscribeUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The body holds a secret (a single-use link or a code): it is erased once delivered.</summary>
    public bool Sensitive { get; set; }

    /// <summary>Set when the message must not go out any more (its content was superseded); kept, with the reason.</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    public string? CancelReason { get; set; }

    /// <summary>Set while one app instance is sending, so two instances do not send twice.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}
