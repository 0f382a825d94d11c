using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Portal.Features.Postings;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

public class ContactPointLinksTests
{
    public static TheoryData<int> CorpusIndices => new(Enumerable.Range(0, HostileInput.Corpus.Length));

    [Fact]
    public void ToHtml_SeveralLines_LinksTheEmailAddressAndHttpsUrl_AndKeepsTheRestAsTypedText()
    {
        const string contact = "Jane Doe <Programme Officer>\nPhone +856 21 123 456\nE-mail: desk@authority.test.\n"
            + "Forms (https://authority.test/contact?topic=va&lang=en), or by post.";
        var element = Render(contact);
        Assert.Equal(contact, element.TextContent);
        Assert.Equal(
            ["mailto:desk@authority.test|desk@authority.test", "https://authority.test/contact?topic=va&lang=en|https://authority.test/contact?topic=va&lang=en"],
            Links(element));
        Assert.Equal(["a", "a"], element.Children.Select(c => c.LocalName));
    }

    [Theory]
    [InlineData("desk@authority.test", "mailto:desk@authority.test")]
    [InlineData("first.last+va@sub.authority.test", "mailto:first.last+va@sub.authority.test")]
    [InlineData("<desk@authority.test>,", "mailto:desk@authority.test")]
    [InlineData("https://authority.test", "https://authority.test")]
    [InlineData("HTTPS://Authority.test:8443/a/b?c=d#e", "HTTPS://Authority.test:8443/a/b?c=d#e")]
    [InlineData("\"https://authority.test/a\";", "https://authority.test/a")]
    [InlineData("(see https://authority.test/a_(b)).", "https://authority.test/a_(b)")]
    [InlineData("https://authority.test/'onclick='alert(1)", "https://authority.test/'onclick='alert(1)")]
    public void ToHtml_AddressOrHttpsUrl_IsTheOnlyLink(string contact, string href)
    {
        var element = Render(contact);
        var link = Assert.Single(element.QuerySelectorAll("a"));
        Assert.Equal(href, link.GetAttribute("href"));
        // Only the attributes written here, whatever the text held.
        Assert.Equal(["href", "rel"], link.Attributes.Select(a => a.Name));
        Assert.Equal("nofollow noopener noreferrer", link.GetAttribute("rel"));
        Assert.Equal(contact, element.TextContent);
    }

    [Theory]
    [InlineData("http://authority.test/contact")]
    [InlineData("www.authority.test")]
    [InlineData("ftp://files.authority.test")]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert('https://authority.test')")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("mailto:desk@authority.test?subject=x")]
    [InlineData("https:/authority.test")]
    [InlineData("https:authority.test")]
    [InlineData("//authority.test/x")]
    [InlineData("https://")]
    [InlineData("https://user:secret@evil.test/")]
    [InlineData("https://authority.test/\"onmouseover=\"alert(1)")]
    [InlineData("https://authority.test/<script>alert(1)</script>")]
    [InlineData("https://authority.test\\@evil.test")]
    [InlineData("https://pay\u202Elap.test")]
    [InlineData("https://authority.test/\u0001x")]
    [InlineData("https://аuthority.test")]
    [InlineData("desk@authority")]
    [InlineData("@authority.test")]
    [InlineData("desk@@authority.test")]
    [InlineData("desk@authority.test\"onclick=\"alert(1)")]
    [InlineData("desk@authority..test")]
    [InlineData("<b>desk</b>@authority.test")]
    public void ToHtml_AnythingElse_StaysText(string contact)
    {
        var element = Render(contact);
        Assert.Empty(element.Children);
        Assert.Equal(contact, element.TextContent);
    }

    [Theory]
    [MemberData(nameof(CorpusIndices))]
    public void ToHtml_HostileCorpus_IsInert_AndLinksOnlyTheAddressAndUrlAroundIt(int index)
    {
        var hostile = HostileInput.Corpus[index];
        foreach (var contact in new[] { hostile, "desk@authority.test " + hostile + " https://authority.test/" + hostile })
        {
            var html = Html(contact);
            HostileInput.AssertInert(html);
            // Appended to a URL, the text may lengthen the URL, never leave the attribute or the site.
            Assert.All(Parse(html).QuerySelectorAll("a"), link =>
            {
                Assert.Equal(["href", "rel"], link.Attributes.Select(a => a.Name));
                var href = link.GetAttribute("href")!;
                Assert.True(href == "mailto:desk@authority.test" || href.StartsWith("https://authority.test/", StringComparison.Ordinal), href);
                Assert.Equal(href, link.TextContent == "desk@authority.test" ? "mailto:" + link.TextContent : link.TextContent);
            });
        }
    }

    private static string Html(string contact)
    {
        using var writer = new StringWriter();
        ContactPointLinks.ToHtml(contact).WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private static IElement Parse(string html) =>
        new HtmlParser().ParseDocument("<dd>" + html + "</dd>").QuerySelector("dd")!;

    private static IElement Render(string contact) => Parse(Html(contact));

    private static string[] Links(IElement element) =>
        [.. element.QuerySelectorAll("a").Select(a => a.GetAttribute("href") + "|" + a.TextContent)];
}
