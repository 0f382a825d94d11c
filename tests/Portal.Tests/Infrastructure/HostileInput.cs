using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Text an attacker would type into any field, and a check that rendered HTML cannot run it. Shared by the unit
/// tests of the Markdown renderer and the integration tests that post the corpus through real forms.
/// </summary>
public static class HostileInput
{
    public static readonly string[] Corpus =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](java&#x09;script:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "![x](javascript:alert(1))",
        "![x](https://tracker.example/pixel.png)",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\">",
        "<style>*{display:none}</style>",
        "[x]: javascript:alert(1)\n\n[link][x]",
        "<javascript:alert(1)>",
        "{{7*7}} @{DateTime.Now} ${7*7}",
        "a\u0001b\u0007c\u001Bd",
        "\u202Egnp.exe",
        "pay\u200Bpal",
        string.Concat(Enumerable.Repeat("<script>alert(1)</script>", 400)),
        "' OR 1=1 --",
        "%3Cscript%3Ealert(1)%3C/script%3E",
        "Zusammenarbeit 🤝 協力 협력 تعاون",
    ];

    private static readonly string[] ForbiddenElements = ["script", "iframe", "object", "embed", "svg", "style", "link", "meta", "base"];
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href"];
    private static readonly string[] ForbiddenSchemes = ["javascript:", "vbscript:", "data:"];

    /// <summary>Checks an HTML fragment, such as rendered Markdown: nothing in it may run or load from elsewhere, and it has no forms.</summary>
    public static void AssertInert(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        // The whole document: the parser moves a leading <style> or <meta> of a fragment into <head>.
        Check(document.DocumentElement, allowSameSiteForms: false);
    }

    /// <summary>Checks part of a rendered page, such as <c>document.QuerySelector("main")</c>; the app's own forms posting to its own paths are allowed.</summary>
    public static void AssertInert(IElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Check(root, allowSameSiteForms: true);
    }

    private static void Check(IElement root, bool allowSameSiteForms)
    {
        foreach (var element in root.QuerySelectorAll("*").Prepend(root))
        {
            var name = element.LocalName.ToLowerInvariant();
            if (ForbiddenElements.Contains(name))
            {
                Assert.Fail($"<{name}> element: {Excerpt(element)}");
            }
            if (name == "form" && !(allowSameSiteForms && IsSameSiteOrEmpty(element.GetAttribute("action"))))
            {
                Assert.Fail($"<form> element: {Excerpt(element)}");
            }
            if (name == "img" && !IsSameSite(element.GetAttribute("src")))
            {
                Assert.Fail($"<img> from another site: {Excerpt(element)}");
            }
            foreach (var attribute in element.Attributes)
            {
                var attributeName = attribute.Name.ToLowerInvariant();
                if (attributeName.StartsWith("on", StringComparison.Ordinal) || attributeName == "style")
                {
                    Assert.Fail($"{attributeName} attribute: {Excerpt(element)}");
                }
                var url = Normalize(attribute.Value);
                if (UrlAttributes.Contains(attributeName) && ForbiddenSchemes.Any(scheme => url.StartsWith(scheme, StringComparison.Ordinal)))
                {
                    Assert.Fail($"{attributeName} with a script or data URL: {Excerpt(element)}");
                }
            }
        }
    }

    // What a browser would see as the start of the URL: it trims, ignores case, and drops tabs and newlines.
    private static string Normalize(string url) =>
        new string(url.Where(c => !char.IsControl(c)).ToArray()).Trim().ToLowerInvariant();

    private static bool IsSameSite(string? url) =>
        url is not null && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static bool IsSameSiteOrEmpty(string? url) => string.IsNullOrEmpty(url) || IsSameSite(url);

    private static string Excerpt(IElement element) =>
        element.OuterHtml.Length <= 200 ? element.OuterHtml : element.OuterHtml[..200] + "…";
}
