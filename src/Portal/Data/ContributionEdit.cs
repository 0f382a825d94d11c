namespace Portal.Data;

public enum ContributionEditStatus
{
    /// <summary>Waiting for the State's sign-off; at most one per contribution.</summary>
    Proposed,

    /// <summary>Signed off by the State: the texts are the contribution's now, and a version keeps them.</summary>
    SignedOff,

    /// <summary>Turned down by the State, with a reason the editors see.</summary>
    Declined,

    /// <summary>Replaced by a newer proposal, or overtaken by a change of the State's own text.</summary>
    Superseded,
}

/// <summary>
/// An editor's copy-edit of an accepted contribution, proposed to its State. It changes nothing until the State signs
/// it off, so the book (which reads the contribution's own fields) never carries a text the State has not seen.
/// </summary>
public class ContributionEdit
{
    public int Id { get; set; }

    public int ContributionId { get; set; }

    /// <summary>The <see cref="ContributionVersion.Number"/> the editor changed; a sign-off needs it to be still the latest.</summary>
    public int BasedOnVersion { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    /// <summary>The testimonials' quotes, in the testimonials' order.</summary>
    public List<string> Quotes { get; set; } = [];

    /// <summary>What the editor changed and why, for the State.</summary>
    public required string Note { get; set; }

    public required string EditorId { get; set; }

    public DateTimeOffset ProposedAt { get; set; }

    /// <summary>Also the concurrency token: a proposal is answered, or replaced, once.</summary>
    public ContributionEditStatus Status { get; set; }

    /// <summary>The focal point who answered; for an answer received by e-mail, the editor who recorded it.</summary>
    public string? AnsweredBy { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>Why the State declined, for the editors.</summary>
    public string? DeclineReason { get; set; }

    // The State's answer as an editor recorded it from an e-mail, for a State without a focal point account: who the
    // editor says answered. Declared, not verified, so shown as recorded; both null for an answer given on the portal.

    public string? AnswerFromName { get; set; }

    public string? AnswerFromEmail { get; set; }
}

public enum ContributionVersionKind
{
    /// <summary>The State's own text, as the editors accepted it.</summary>
    Submitted,

    /// <summary>An editor's copy-edit that the State signed off.</summary>
    CopyEdit,
}

/// <summary>
/// A text the book used for a contribution, kept for good (the database refuses updates): the State's accepted text,
/// then every copy-edit it signed off.
/// </summary>
public class ContributionVersion
{
    public int Id { get; set; }

    public int ContributionId { get; set; }

    public int Number { get; set; }

    public ContributionVersionKind Kind { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    /// <summary>The testimonials' quotes, in the testimonials' order.</summary>
    public List<string> Quotes { get; set; } = [];

    /// <summary>
    /// Who wrote the text: the State's account that submitted it, or the editor of the copy-edit (none for a State's text
    /// entered before accounts were recorded). For a State's text an editor submitted on its behalf, the editor who
    /// entered it: the text is the State's, as <see cref="SentFromName"/> sent it.
    /// </summary>
    public string? WrittenBy { get; set; }

    /// <summary>
    /// Who sent the State's text by e-mail when an editor submitted it on the State's behalf
    /// (<see cref="Contribution.SubmittedFromName"/>), as the editor recorded it: declared, not verified. Null for a
    /// text the State submitted on the portal, and for copy-edits.
    /// </summary>
    public string? SentFromName { get; set; }

    public string? SentFromEmail { get; set; }

    /// <summary>
    /// Who made it the book's text: the editor who accepted it, the State's focal point who signed the copy-edit off, or
    /// the editor who recorded a sign-off received by e-mail (<see cref="SignOffFromName"/>).
    /// </summary>
    public required string ApprovedBy { get; set; }

    /// <summary>Who signed the copy-edit off by e-mail, as the editor recorded it; null when signed off on the portal.</summary>
    public string? SignOffFromName { get; set; }

    public string? SignOffFromEmail { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The editor's note of a copy-edit.</summary>
    public string Note { get; set; } = "";
}

public static class ContributionEditLimits
{
    public const int Note = 2_000;
    public const int Reason = 2_000;
}
