using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Portal.Data;

namespace Portal.Infrastructure.Email;

/// <summary>
/// The body of a sensitive e-mail (a single-use link, an entry code) is kept in the outbox encrypted with the Data
/// Protection key ring, never in plain text: the portal opens it to send it, or to show an unsent one to a coordinator
/// in the outbox, and erases it once delivered.
/// </summary>
public sealed class MailSeal(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Portal.Outbox.SensitiveBody.v1");

    public string Seal(string body) => protector.Protect(body);

    /// <summary>The body as written: opened when sealed, as stored otherwise (and once erased).</summary>
    public string Open(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!message.Sensitive || message.Body == Outbox.ErasedBody)
        {
            return message.Body;
        }

        try
        {
            return protector.Unprotect(message.Body);
        }
        catch (CryptographicException)
        {
            // Queued by a version of the portal that did not seal bodies yet.
            return message.Body;
        }
    }
}
