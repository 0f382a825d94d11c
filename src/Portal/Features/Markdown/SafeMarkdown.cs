using System.Globalization;
using System.Net;
using System.Text;
using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Portal.Data;

namespace Portal.Features.Markdown;

/// <summary>
/// Renders the Markdown that states write in postings. Everything a reader sees comes from other users, so the
/// output must not run script even without the Content-Security-Policy: raw HTML is shown as text, and every link
/// and image is checked against an allowlist after parsing (the URL as Markdig decoded it, entities included).
/// </summary>
public static class SafeMarkdown
{
    private const string AttachmentScheme = "attachment";
    private const string LinkRel = "nofollow noopener noreferrer";

    // CommonMark + pipe tables + bare URLs + footnotes (a Word document's footnotes and endnotes are imported as
    // Markdown footnotes; Markdig numbers them by order, never writing their labels into attributes). No extension that copies author text into attributes
    // (generic attributes, auto identifiers) and no raw HTML. Column widths are not inferred from the separator row
    // (the default), since Markdig would write them as <col style="width:…">.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseFootnotes()
        .UseAutoLinks(new AutoLinkOptions { UseHttpsForWWWLinks = true })
        .DisableHtml()
        .Build();

    /// <summary>
    /// A body with a longer run of text between blank lines is shown as plain text. Markdig's inline parser takes
    /// time that grows with the square of a paragraph's length for some bracket and emphasis patterns: 3 s for
    /// 64,000 characters of "[](" (minutes for a megabyte), 0.7 s for 16,000 characters of nested "[[…]]". At this
    /// length a block costs at most about 0.3 s, and <see cref="RenderedMarkdown"/> pays it once per text.
    /// </summary>
    public const int MaxFormattedBlock = 10_000;

    /// <summary>Bodies longer than this are never formatted (the form refuses them anyway).</summary>
    public const int MaxFormattedLength = PostingLimits.Body;

    /// <summary>The longest run of characters between blank lines.</summary>
    public static int LongestBlock(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var longest = 0;
        var start = 0;
        while (start < markdown.Length)
        {
            var end = markdown.IndexOf("\n\n", start, StringComparison.Ordinal);
            end = end < 0 ? markdown.Length : end;
            longest = Math.Max(longest, end - start);
            start = end + 2;
        }

        return longest;
    }

    /// <param name="markdown">The posting body as the author wrote it.</param>
    /// <param name="resolveAttachment">Maps the NAME in <c>attachment:NAME</c> (as written, URL-decoded) to a same-site
    /// URL such as "/Postings/12/Attachments/3", or null when the posting has no such attachment. A result that is not
    /// a same-site path is treated as null.</param>
    /// <param name="topHeading">The level the body's highest headings take, so that they continue the page's outline:
    /// 2 where the body follows the page's h1, deeper where it sits under a section's headings.</param>
    /// <returns>An HTML fragment; the page puts it inside <c>&lt;div class="markdown"&gt;</c>.</returns>
    public static string ToHtml(string markdown, Func<string, string?>? resolveAttachment = null, int topHeading = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topHeading, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topHeading, 6);
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length > MaxFormattedLength || LongestBlock(markdown.Replace("\r\n", "\n", StringComparison.Ordinal)) > MaxFormattedBlock)
        {
            return AsPlainText(markdown);
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses nesting deeper than 128 (quotes, lists, brackets, emphasis) with an ArgumentException.
            return AsPlainText(markdown);
        }

        ShiftHeadings(document, topHeading);
        MakeSafe(document, resolveAttachment);

        try
        {
            return UniqueNoteIds(document.ToHtml(Pipeline), markdown);
        }
        catch (ArgumentException)
        {
            // The renderer applies the same nesting limit; an autolink turned into a link is one level deeper.
            return AsPlainText(markdown);
        }
    }

    /// <summary>
    /// The words a reader sees when the body is shown, without its Markdown: one line per block (a heading, a
    /// paragraph, a list item, a table row), link and picture text without their addresses. A body that
    /// <see cref="ToHtml"/> shows as plain text is returned as it is, since that is what the reader sees.
    /// </summary>
    public static string ToPlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length > MaxFormattedLength || LongestBlock(markdown.Replace("\r\n", "\n", StringComparison.Ordinal)) > MaxFormattedBlock)
        {
            return markdown;
        }

        try
        {
            return Markdig.Markdown.ToPlainText(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Nesting deeper than Markdig allows: ToHtml shows the text as it is.
            return markdown;
        }
    }

    /// <summary>
    /// The body's highest headings become <paramref name="topHeading"/> and the rest keep their steps below it, so a
    /// body written with "##" or with "#" reads the same: never a second h1, never a skipped level under the page's own.
    /// </summary>
    private static void ShiftHeadings(MarkdownDocument document, int topHeading)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        if (headings.Count == 0)
        {
            return;
        }

        var shift = topHeading - headings.Min(h => h.Level);
        foreach (var heading in headings)
        {
            heading.Level = Math.Min(heading.Level + shift, 6);
        }
    }

    private static void MakeSafe(MarkdownDocument document, Func<string, string?>? resolveAttachment)
    {
        foreach (var table in document.Descendants<Table>())
        {
            MarkdownTableAlignment.ToClasses(table);
        }

        // Autolinks become ordinary links first, so that one set of rules decides every link.
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var link = new LinkInline(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, "") { IsAutoLink = true };
            link.AppendChild(new LiteralInline(autolink.Url));
            autolink.ReplaceBy(link);
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            link.GetDynamicUrl = null;
            if (link.IsImage)
            {
                FixImage(link, resolveAttachment);
            }
            else
            {
                FixLink(link, resolveAttachment);
            }
        }
    }

    /// <summary>
    /// Markdig names a text's footnotes "fn:1", "fnref:1"…, the same in every text, but a page or a book shows many
    /// texts. The names take a prefix from the text's hash instead, so that each note's link leads to its own text's
    /// note. Only Markdig writes these attributes: raw HTML is off and the author's link and picture addresses never
    /// start with "#".
    /// </summary>
    private static string UniqueNoteIds(string html, string markdown)
    {
        if (!html.Contains("class=\"footnote-ref\"", StringComparison.Ordinal))
        {
            return html;
        }

        var prefix = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(markdown)).AsSpan(0, 4));
        return html
            .Replace(" id=\"fn:", $" id=\"fn-{prefix}-", StringComparison.Ordinal)
            .Replace(" href=\"#fn:", $" href=\"#fn-{prefix}-", StringComparison.Ordinal)
            .Replace(" id=\"fnref:", $" id=\"fnref-{prefix}-", StringComparison.Ordinal)
            .Replace(" href=\"#fnref:", $" href=\"#fnref-{prefix}-", StringComparison.Ordinal)
            .Replace("class=\"footnote-back-ref\">", "class=\"footnote-back-ref\" aria-label=\"Back to the text\">", StringComparison.Ordinal);
    }

    private static string AsPlainText(string text) =>
        "<p>" + WebUtility.HtmlEncode(text.Replace('\0', '\uFFFD')).ReplaceLineEndings("<br>\n") + "</p>";

    private static void FixLink(LinkInline link, Func<string, string?>? resolveAttachment)
    {
        var target = Target(link.Url, resolveAttachment);
        if (target is null)
        {
            // Keep the words, drop the link.
            while (link.FirstChild is { } child)
            {
                child.Remove();
                link.InsertBefore(child);
            }
            link.Remove();
            return;
        }
        link.Url = target;
        link.GetAttributes().AddProperty("rel", LinkRel);
    }

    private static void FixImage(LinkInline image, Func<string, string?>? resolveAttachment)
    {
        var alt = PlainText(image);
        var target = Target(image.Url, resolveAttachment);
        if (target is not null && target.StartsWith('/'))
        {
            image.Url = target;
            image.GetAttributes().AddProperty("loading", "lazy");
            return;
        }
        if (target is not null && !target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            // An external image would tell its server who reads the posting; offer it as a link instead.
            var link = new LinkInline(target, image.Title ?? "");
            link.AppendChild(new LiteralInline(alt.Length == 0 ? "image" : "image: " + alt));
            link.GetAttributes().AddProperty("rel", LinkRel);
            image.ReplaceBy(link, copyChildren: false);
            return;
        }
        image.ReplaceBy(new LiteralInline(alt), copyChildren: false);
    }

    /// <summary>The href to write, or null when the URL is not one we link to.</summary>
    private static string? Target(string? url, Func<string, string?>? resolveAttachment)
    {
        if (string.IsNullOrEmpty(url) || HasHiddenCharacters(url)
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            // .NET reads "/x", "//host" and "C:\x" as file URIs; the scheme must also be what the text literally starts with.
            || !url.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        switch (uri.Scheme)
        {
            case "http" or "https" or "mailto":
                return url;
            case AttachmentScheme:
                var name = Uri.UnescapeDataString(url[(AttachmentScheme.Length + 1)..]);
                var resolved = name.Length == 0 ? null : resolveAttachment?.Invoke(name);
                return resolved is not null && IsSameSitePath(resolved) ? resolved : null;
            default:
                return null;
        }
    }

    private static bool IsSameSitePath(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && !HasHiddenCharacters(url) && !url.Contains(' ', StringComparison.Ordinal);

    // Browsers drop tabs and newlines inside URLs ("java\tscript:") and trim control characters; direction and
    // zero-width characters make a URL read differently from where it goes. None belongs in a link.
    private static bool HasHiddenCharacters(string url)
    {
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (char.IsHighSurrogate(c) && i + 1 < url.Length && char.IsLowSurrogate(url[i + 1]))
            {
                i++;
                continue;
            }
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                || (char.IsWhiteSpace(c) && c != ' '))
            {
                return true;
            }
        }
        return false;
    }

    private static string PlainText(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                default:
                    break;
            }
        }
        return text.ToString();
    }
}
