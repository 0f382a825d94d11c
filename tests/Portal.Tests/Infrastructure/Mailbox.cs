using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Infrastructure.Email;

namespace Portal.Tests.Infrastructure;

/// <summary>Reads what the SMTP sink received: one RFC 822 message per file in the Maildir's new/ folder.</summary>
public static class Mailbox
{
    public sealed record Mail(string To, string Subject, string Body)
    {
        /// <summary>The HTML part, or null when the message has none.</summary>
        public string? Html { get; init; }

        public string From { get; init; } = "";

        /// <summary>The Reply-To addresses as one header value; empty when there is none.</summary>
        public string ReplyTo { get; init; } = "";

        public string? MessageId { get; init; }

        /// <summary>The List-Unsubscribe header, or null.</summary>
        public string? ListUnsubscribe { get; init; }
    }

    /// <summary>Sends what is due through the real SMTP server, then returns the messages the sink holds for <paramref name="to"/>.</summary>
    public static async Task<IReadOnlyList<Mail>> DeliverAndReadAsync(PortalFactory factory, string to)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
        var dir = TestEnvironment.Maildir
            ?? throw new InvalidOperationException("PORTAL_TEST_MAILDIR is not set: run the tests with ./test.sh, which starts the SMTP sink.");
        var mails = new List<Mail>();
        foreach (var folder in new[] { "new", "cur" })
        {
            var path = Path.Combine(dir, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(path))
            {
                using var message = await MimeMessage.LoadAsync(file);
                var mail = Read(message);
                if (mail.To.Contains(to, StringComparison.OrdinalIgnoreCase))
                {
                    mails.Add(mail);
                }
            }
        }

        return mails;
    }

    /// <summary>A message as the sink stored it, read with MimeKit: the text part as <see cref="Mail.Body"/>.</summary>
    private static Mail Read(MimeMessage message) => new Mail(message.To.ToString(), message.Subject ?? "", message.TextBody ?? "")
    {
        Html = message.HtmlBody,
        From = message.From.ToString(),
        ReplyTo = message.ReplyTo.ToString(),
        MessageId = message.MessageId,
        ListUnsubscribe = message.Headers[HeaderId.ListUnsubscribe],
    };

    /// <summary>The first link in a message that starts with <paramref name="prefix"/>, as a local path.</summary>
    public static string LinkIn(Mail mail, string prefix)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var match = Regex.Match(mail.Body, Regex.Escape("http://portal.test" + prefix) + @"[^\s]*");
        return match.Success ? match.Value["http://portal.test".Length..] : throw new InvalidOperationException($"No {prefix} link in: {mail.Body}");
    }
}
