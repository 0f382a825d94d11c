using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using Portal.Data;

namespace Portal.Infrastructure.Email;

/// <summary>
/// Turns a queued message into what goes over the wire: the text as the portal wrote it, the same text as HTML (for
/// mail programs that show only HTML well), <c>From</c>, <c>Reply-To</c> when the message names one,
/// <c>List-Unsubscribe</c> for subscription mail, and a
/// <c>Message-ID</c> that stays the same across retries so that a message sent twice after a lost reply is one
/// message to the recipient's mail program. Pure: tests read what it builds.
/// </summary>
public static partial class MailComposer
{
    /// <summary>The message as sent; <paramref name="body"/>: its text when the row holds it sealed (<see cref="MailSeal"/>).</summary>
    public static MimeMessage Compose(OutboxMessage message, string from, string? body = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sender = MailboxAddress.Parse(from);
        var mime = new MimeMessage();
        mime.From.Add(sender);
        mime.To.Add(MailboxAddress.Parse(message.To));
        if (!string.IsNullOrWhiteSpace(message.ReplyTo))
        {
            mime.ReplyTo.Add(MailboxAddress.Parse(message.ReplyTo));
        }

        if (!string.IsNullOrEmpty(message.UnsubscribeUrl))
        {
            mime.Headers.Add(HeaderId.ListUnsubscribe, $"<{message.UnsubscribeUrl}>");
            // RFC 8058: the address takes a POST of this body, so that a mail program unsubscribes in one click.
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        mime.Subject = message.Subject;
        mime.Date = message.CreatedAt;
        mime.MessageId = MessageId(message, sender);
        var text = body ?? message.Body;
        mime.Body = new BodyBuilder { TextBody = text, HtmlBody = Html(message.Subject, text) }.ToMessageBody();
        return mime;
    }

    /// <summary>The message's own id, from its outbox row: unique per portal database, the same on every attempt.</summary>
    public static string MessageId(OutboxMessage message, MailboxAddress sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sender);
        var at = sender.Address.LastIndexOf('@');
        var domain = at >= 0 && at < sender.Address.Length - 1 ? sender.Address[(at + 1)..] : "portal.invalid";
        return string.Create(CultureInfo.InvariantCulture, $"outbox.{message.Id}.{message.CreatedAt.ToUnixTimeMilliseconds()}@{domain}");
    }

    /// <summary>
    /// The plain text as a simple HTML page: each paragraph (text between blank lines) a paragraph, the lines of a
    /// paragraph run together as one text unless they are list items ("- ") or stand alone as an address, and every
    /// web address a link. Everything is encoded: the text may hold what a person typed.
    /// </summary>
    public static string Html(string title, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(title))
            .Append("</title></head>\n<body style=\"font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c; max-width: 40em\">\n");
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        foreach (var paragraph in paragraphs)
        {
            var lines = paragraph.Split('\n').Where(l => l.Trim().Length > 0).ToList();
            if (lines.Count == 0)
            {
                continue;
            }

            html.Append("<p>");
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i].Trim();
                if (i > 0)
                {
                    html.Append(StandsAlone(line) || StandsAlone(lines[i - 1].Trim()) ? "<br>\n" : " ");
                }

                html.Append(Linked(line));
            }

            html.Append("</p>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static bool StandsAlone(string line) => line.StartsWith("- ", StringComparison.Ordinal) || WebAddress().IsMatch(line) && WebAddress().Match(line).Length == line.Length;

    private static string Linked(string line)
    {
        var result = new StringBuilder();
        var at = 0;
        foreach (Match match in WebAddress().Matches(line))
        {
            result.Append(WebUtility.HtmlEncode(line[at..match.Index]));
            var address = WebUtility.HtmlEncode(match.Value);
            result.Append("<a href=\"").Append(address).Append("\">").Append(address).Append("</a>");
            at = match.Index + match.Length;
        }

        return result.Append(WebUtility.HtmlEncode(line[at..])).ToString();
    }

    // An address ends before white space and before the punctuation that closes a sentence around it.
    [GeneratedRegex(@"https?://[^\s<>""]+?(?=[.,;:!?)\]]*(\s|$))")]
    private static partial Regex WebAddress();
}
