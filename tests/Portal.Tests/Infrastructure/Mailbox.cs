using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Email;

namespace Portal.Tests.Infrastructure;

/// <summary>Reads what the SMTP sink received: one RFC 822 message per file in the Maildir's new/ folder.</summary>
public static partial class Mailbox
{
    public sealed record Mail(string To, string Subject, string Body);

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
                var mail = Parse(await File.ReadAllTextAsync(file));
                if (mail.To.Contains(to, StringComparison.OrdinalIgnoreCase))
                {
                    mails.Add(mail);
                }
            }
        }

        return mails;
    }

    public static Mail Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var split = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", 2);
        var headers = Regex.Replace(split[0], "\n[ \t]+", " ");
        string Header(string name) => headers.Split('\n')
            .Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim()).FirstOrDefault() ?? "";
        var body = split.Length > 1 ? split[1] : "";
        var encoding = Header("Content-Transfer-Encoding");
        if (encoding.Equals("base64", StringComparison.OrdinalIgnoreCase))
        {
            body = Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))));
        }
        else if (encoding.Equals("quoted-printable", StringComparison.OrdinalIgnoreCase))
        {
            body = DecodeQuotedPrintable(body);
        }

        return new Mail(Header("To"), DecodeHeader(Header("Subject")), body);
    }

    /// <summary>The first link in a message that starts with <paramref name="prefix"/>, as a local path.</summary>
    public static string LinkIn(Mail mail, string prefix)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var match = Regex.Match(mail.Body, Regex.Escape("http://portal.test" + prefix) + @"[^\s]*");
        return match.Success ? match.Value["http://portal.test".Length..] : throw new InvalidOperationException($"No {prefix} link in: {mail.Body}");
    }

    private static string DecodeQuotedPrintable(string input)
    {
        var soft = input.Replace("=\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < soft.Length; i++)
        {
            if (soft[i] == '=' && i + 2 < soft.Length && Uri.IsHexDigit(soft[i + 1]) && Uri.IsHexDigit(soft[i + 2]))
            {
                bytes.Add(Convert.ToByte(soft.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(soft[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    // Whitespace between two encoded words is folding, not text (RFC 2047, 6.2): a long subject is split in several.
    private static string DecodeHeader(string value) => EncodedWord().Replace(BetweenEncodedWords().Replace(value, "?==?"), m =>
        m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenEncodedWords();
}
