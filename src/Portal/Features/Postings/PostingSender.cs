using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;

namespace Portal.Features.Postings;

/// <summary>
/// Who sent the coordinator a text published on a participant's behalf, as the coordinator typed it: declared, never
/// verified, and no right on the portal. The sender is e-mailed each version published on behalf and the reminders
/// before expiry, with signed links to renew or withdraw (<see cref="PostingSenderLinks"/>), so that the coordinator
/// has nothing to pass on.
/// </summary>
public sealed record PostingSender(string Email, string? Name)
{
    /// <summary>"Dear Name," or, without a name, a greeting that needs none.</summary>
    public string Greeting => Name is { } name ? $"Dear {name}," : "Hello,";

    /// <summary>How the audit log and the posting's page name the sender: marked as typed by the coordinator.</summary>
    public string Declared => Name is { } name ? $"{name} <{Email}>" : Email;

    /// <summary>Who acted, as the audit log names a renewal or withdrawal through the sender's signed link.</summary>
    public string ThroughLink => AuditLog.Unverified(Name ?? "the sender", Email) + ", through the signed link e-mailed to the sender";

    public static PostingSender? Of(Posting posting) =>
        posting?.SenderEmail is { } email ? new PostingSender(email, posting.SenderName) : null;
}

/// <summary>
/// The publish step's question when the coordinator publishes on a participant's behalf. The address is required when
/// the participant has no focal point who can sign in (<see cref="PostingRecipients.FocalPointsOf"/>): someone must be
/// told and reminded, and it is not to be the coordinator. With a focal point it may be left empty, since the focal
/// points are e-mailed anyway.
/// </summary>
public sealed class SenderInput
{
    [EmailAddress(ErrorMessage = "Enter an e-mail address like name@ministry.gov.")]
    [StringLength(PostingLimits.SenderEmail, ErrorMessage = "The e-mail address can be at most 256 characters.")]
    [Display(Name = "Sender’s e-mail address")]
    public string? Email { get; set; }

    [StringLength(PostingLimits.SenderName, ErrorMessage = "The sender’s name can be at most 200 characters.")]
    [Display(Name = "Sender’s name (optional)")]
    public string? Name { get; set; }

    public static SenderInput From(Posting posting) => new() { Email = posting?.SenderEmail, Name = posting?.SenderName };

    /// <summary>What was typed; null when the address was left empty.</summary>
    public PostingSender? Sender => string.IsNullOrWhiteSpace(Email)
        ? null
        : new PostingSender(Email.Trim(), string.IsNullOrWhiteSpace(Name) ? null : Name.Trim());

    /// <summary>Adds the one error the attributes cannot say: a missing address where nobody else would be told.</summary>
    public void Validate(ModelStateDictionary modelState, string prefix, bool required, string participantName)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (required && Sender is null)
        {
            modelState.AddModelError($"{prefix}.Email",
                $"Enter the e-mail address the text came from. {participantName} has no focal point on the portal, so the sender is the one told of its publication and reminded before it expires.");
        }
    }

    /// <summary>Whether the address must be given for a posting of <paramref name="participantId"/>: it has no focal point who can sign in.</summary>
    public static async Task<bool> IsRequiredAsync(PortalDbContext db, int participantId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return !await db.Users.AnyAsync(PostingRecipients.FocalPointsOf(participantId));
    }
}
