using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace Portal.Features.Markdown;

/// <summary>
/// Renders a body once per distinct text and attachment set, and keeps the HTML (and the plain text) in memory: pages are read far more
/// often than written, and a pathological text costs its render time once, not on every view.
/// </summary>
public sealed class RenderedMarkdown : IDisposable
{
    // Its own cache, so that the size limit (in characters) applies to rendered bodies only.
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 32_000_000 });

    public void Dispose() => cache.Dispose();

    /// <summary>The body as HTML; <paramref name="topHeading"/> as in <see cref="SafeMarkdown.ToHtml"/>.</summary>
    public string ToHtml(string markdown, IReadOnlyDictionary<string, string> attachments, int topHeading = 2)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(attachments);
        var key = new StringBuilder(markdown.Length + 64).Append(topHeading).Append('\0').Append(markdown);
        foreach (var (name, url) in attachments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            key.Append('\0').Append(name).Append('\0').Append(url);
        }

        return Kept("md:", key.ToString(), () => SafeMarkdown.ToHtml(markdown, name => attachments.GetValueOrDefault(name), topHeading));
    }

    /// <summary>The body's text as a reader sees it (<see cref="SafeMarkdown.ToPlainText"/>), for search snippets.</summary>
    public string ToPlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return Kept("txt:", markdown, () => SafeMarkdown.ToPlainText(markdown));
    }

    private string Kept(string prefix, string key, Func<string> render)
    {
        var hash = prefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return cache.GetOrCreate(hash, entry =>
        {
            var text = render();
            entry.Size = text.Length;
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return text;
        })!;
    }
}
