using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Portal.Features.Postings;

/// <summary>
/// A posting's contact point as HTML: free text over several lines (names, positions, phones), in which an e-mail
/// address becomes a <c>mailto:</c> link and an <c>https:</c> URL a link. Everything else, other URL schemes
/// included, stays text; every part is encoded when the page is written, so nothing the author typed becomes markup.
/// </summary>
public static partial class ContactPointLinks
{
    private const string LinkRel = "nofollow noopener noreferrer";

    // Punctuation that ends a sentence or encloses a token, rather than belonging to the address or URL.
    private const string Openers = "(<[{\"'";
    private const string Closers = ".,;:!?>]}\"'";

    public static IHtmlContent ToHtml(string contactPoint)
    {
        ArgumentNullException.ThrowIfNull(contactPoint);
        var html = new HtmlContentBuilder();
        var written = 0;
        foreach (Match token in Token().Matches(contactPoint))
        {
            var start = token.Index;
            var end = token.Index + token.Length;
            while (start < end && Openers.Contains(contactPoint[start], StringComparison.Ordinal))
            {
                start++;
            }

            while (end > start && EndsWithPunctuation(contactPoint.AsSpan(start, end - start)))
            {
                end--;
            }

            var candidate = contactPoint[start..end];
            var href = EmailAddress().IsMatch(candidate) ? "mailto:" + candidate
                : HttpsUrl().IsMatch(candidate) && Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? candidate
                : null;
            if (href is null)
            {
                continue;
            }

            html.Append(contactPoint[written..start]);
            html.AppendHtml("<a href=\"").Append(href).AppendHtml($"\" rel=\"{LinkRel}\">").Append(candidate).AppendHtml("</a>");
            written = end;
        }

        return html.Append(contactPoint[written..]);
    }

    // A closing bracket is the URL's own when it closes one the URL opened (https://example.org/a_(b)).
    private static bool EndsWithPunctuation(ReadOnlySpan<char> token) =>
        Closers.Contains(token[^1], StringComparison.Ordinal)
        || (token[^1] == ')' && token.Count(')') > token.Count('('));

    [GeneratedRegex(@"\S+")]
    private static partial Regex Token();

    // Deliberately narrow: ASCII only, dot-separated labels, so that what is linked is plainly an address.
    [GeneratedRegex(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]
    private static partial Regex EmailAddress();

    // https:// followed by a host and only the characters a URL may hold unencoded (RFC 3986): no quotes, angle
    // brackets, backslashes, controls or direction marks.
    [GeneratedRegex(@"^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex HttpsUrl();
}
