namespace Portal.Features.Audit;

/// <summary>
/// What the audit log records. An entry stores the name (<c>AuditEntry.Action</c>), so a name is never renamed or
/// reused; the order here is the order of the audit page's filter.
/// </summary>
public enum AuditEvent
{
    SignIn,
    SignInFailed,
    SignInLockedOut,
    TwoFactorFailed,
    SignOut,
    InvitationUsed,
    PasswordChanged,
    PasswordChangeFailed,
    PasswordResetRequested,
    PasswordReset,
    TwoFactorEnabled,
    TwoFactorDisabled,
    RecoveryCodesGenerated,
    RateLimited,

    EntryCodeUsed,
    EntryCodeRejected,
    EntryCodeRotated,
    EntryCodeRevealed,
    EntryCodeScheduleChanged,
    CodeHolderRevoked,

    AccessRequested,
    AccessRequestRepeated,
    AccessRequestInvited,
    AccessRequestCodeSent,
    AccessRequestRejected,

    AccountCreated,
    AccountRoleChanged,
    AccountDisabled,
    AccountEnabled,
    AccountInvitationCancelled,

    ParticipantAdded,
    ParticipantChanged,
    ParticipantStatusChanged,

    PostingDraftSaved,
    PostingDraftDeleted,
    PostingPublished,
    PostingVersionPublished,
    PostingRenewed,
    PostingWithdrawn,
    PostingReplaced,
    PostingReminderSent,
    PostingExpired,
    PostingDeleted,
    AttachmentAdded,
    AttachmentRemoved,

    EditorRightGiven,
    EditorRightRemoved,
    CallSaved,
    CallPublished,
    CallExtended,
    ContributionSaved,
    ContributionImported,
    ContributionEnteredOnBehalf,
    ContributionSubmitted,
    ContributionSubmittedOnBehalf,
    ContributionWithdrawn,
    ContributionAccepted,
    ContributionSentBack,
    ContributionCopyEditProposed,
    ContributionCopyEditSignedOff,
    ContributionCopyEditDeclined,
    ContributionCopyEditSignOffRecorded,
    ContributionCopyEditDeclineRecorded,
    FigureAdded,
    FigureRemoved,
    BookBuildRequested,
    BookEditionPublished,
    BookEditionWithdrawn,

    InterestExpressed,
    InterestReplied,
    InterestStateChanged,
}

/// <summary>The words the audit page shows for each event, in its table and its filter: one place for all of them.</summary>
public static class AuditEvents
{
    public static readonly IReadOnlyList<AuditEvent> All = Enum.GetValues<AuditEvent>();

    private static readonly Dictionary<string, AuditEvent> ByName = All.ToDictionary(e => e.ToString(), StringComparer.Ordinal);

    public static string Label(this AuditEvent e) => e switch
    {
        AuditEvent.SignIn => "Signed in",
        AuditEvent.SignInFailed => "Sign-in failed",
        AuditEvent.SignInLockedOut => "Sign-in locked after too many failed attempts",
        AuditEvent.TwoFactorFailed => "Authenticator or recovery code refused",
        AuditEvent.SignOut => "Signed out",
        AuditEvent.InvitationUsed => "Invitation accepted and password set",
        AuditEvent.PasswordChanged => "Password changed",
        AuditEvent.PasswordChangeFailed => "Password change refused",
        AuditEvent.PasswordResetRequested => "Password reset requested",
        AuditEvent.PasswordReset => "Password reset from an e-mailed link",
        AuditEvent.TwoFactorEnabled => "Authenticator app turned on",
        AuditEvent.TwoFactorDisabled => "Authenticator app turned off",
        AuditEvent.RecoveryCodesGenerated => "New recovery codes made",
        AuditEvent.RateLimited => "Requests refused: too many from one address",
        AuditEvent.EntryCodeUsed => "Entered with an entry code",
        AuditEvent.EntryCodeRejected => "Entry code refused",
        AuditEvent.EntryCodeRotated => "Entry code changed",
        AuditEvent.EntryCodeRevealed => "Entry code shown to a coordinator",
        AuditEvent.EntryCodeScheduleChanged => "Entry code schedule changed",
        AuditEvent.CodeHolderRevoked => "Code holder revoked: no more new codes",
        AuditEvent.AccessRequested => "Access requested",
        AuditEvent.AccessRequestRepeated => "Access requested again while a request waits",
        AuditEvent.AccessRequestInvited => "Access request answered with an invitation",
        AuditEvent.AccessRequestCodeSent => "Access request answered with the entry code",
        AuditEvent.AccessRequestRejected => "Access request turned down",
        AuditEvent.AccountCreated => "Account invitation sent",
        AuditEvent.AccountRoleChanged => "Role of an account changed",
        AuditEvent.AccountDisabled => "Account disabled",
        AuditEvent.AccountEnabled => "Account enabled again",
        AuditEvent.AccountInvitationCancelled => "Invitation cancelled before it was used",
        AuditEvent.ParticipantAdded => "Participant added",
        AuditEvent.ParticipantChanged => "Participant's details changed",
        AuditEvent.ParticipantStatusChanged => "Participant's status changed",
        AuditEvent.PostingDraftSaved => "Draft saved",
        AuditEvent.PostingDraftDeleted => "Draft deleted",
        AuditEvent.PostingPublished => "Posting published",
        AuditEvent.PostingVersionPublished => "New version of a posting published",
        AuditEvent.PostingRenewed => "Posting renewed",
        AuditEvent.PostingWithdrawn => "Posting withdrawn",
        AuditEvent.PostingReplaced => "Posting replaced by a new one",
        AuditEvent.PostingReminderSent => "Expiry reminder sent",
        AuditEvent.PostingExpired => "Posting expired",
        AuditEvent.PostingDeleted => "Posting deleted after the grace period",
        AuditEvent.AttachmentAdded => "Attachment added",
        AuditEvent.AttachmentRemoved => "Attachment removed",
        AuditEvent.EditorRightGiven => "Catalogue editor named",
        AuditEvent.EditorRightRemoved => "Catalogue editor right removed",
        AuditEvent.CallSaved => "Call for contributions saved",
        AuditEvent.CallPublished => "Call for contributions published",
        AuditEvent.CallExtended => "Deadline extended for a participant",
        AuditEvent.ContributionSaved => "Contribution saved",
        AuditEvent.ContributionImported => "Contribution's text imported from a Word file",
        AuditEvent.ContributionEnteredOnBehalf => "Contribution received by e-mail entered on a State's behalf",
        AuditEvent.ContributionSubmitted => "Contribution submitted",
        AuditEvent.ContributionSubmittedOnBehalf => "Contribution submitted by an editor on a State's behalf from its e-mail",
        AuditEvent.ContributionWithdrawn => "Contribution withdrawn",
        AuditEvent.ContributionAccepted => "Contribution accepted",
        AuditEvent.ContributionSentBack => "Contribution sent back for revision",
        AuditEvent.ContributionCopyEditProposed => "Copy-edit of a contribution proposed to its State",
        AuditEvent.ContributionCopyEditSignedOff => "Copy-edit of a contribution signed off by its State",
        AuditEvent.ContributionCopyEditDeclined => "Copy-edit of a contribution declined by its State",
        AuditEvent.ContributionCopyEditSignOffRecorded => "Copy-edit of a contribution signed off by e-mail and recorded by an editor",
        AuditEvent.ContributionCopyEditDeclineRecorded => "Copy-edit of a contribution declined by e-mail and recorded by an editor",
        AuditEvent.FigureAdded => "Picture added to a contribution",
        AuditEvent.FigureRemoved => "Picture removed from a contribution",
        AuditEvent.BookBuildRequested => "Catalogue build requested",
        AuditEvent.BookEditionPublished => "Catalogue edition published to its readers",
        AuditEvent.BookEditionWithdrawn => "Catalogue edition withdrawn from its readers",
        AuditEvent.InterestExpressed => "Interest expressed in a need or an offer",
        AuditEvent.InterestReplied => "Reply written in a connection",
        AuditEvent.InterestStateChanged => "State of a connection changed",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, "An audit event without words: add them here."),
    };

    /// <summary>The event a stored name stands for; none for a name this version does not write.</summary>
    public static AuditEvent? Parse(string? name) =>
        name is not null && ByName.TryGetValue(name, out var e) ? e : null;

    /// <summary>The words for a stored name; an entry of an older version keeps its name, so nothing is hidden.</summary>
    public static string LabelOf(string name) => Parse(name)?.Label() ?? name;
}
