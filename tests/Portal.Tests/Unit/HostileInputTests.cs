using Portal.Tests.Infrastructure;

namespace Portal.Tests.Unit;

/// <summary>The checker must fail on what it is meant to catch, and pass the app's own page markup.</summary>
public class HostileInputTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<style>p{}</style>")]
    [InlineData("<p><svg></svg></p>")]
    [InlineData("<p onclick=\"x()\">a</p>")]
    [InlineData("<p style=\"color:red\">a</p>")]
    [InlineData("<a href=\" JAVA&#x09;SCRIPT:alert(1)\">a</a>")]
    [InlineData("<a href=\"data:text/html,x\">a</a>")]
    [InlineData("<img src=\"https://tracker.example/p.png\">")]
    [InlineData("<img src=\"//tracker.example/p.png\">")]
    [InlineData("<img alt=x>")]
    [InlineData("<form action=\"/Postings\"></form>")]
    public void AssertInert_DangerousFragment_Fails(string html) =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => HostileInput.AssertInert(html));

    [Fact]
    public void AssertInert_PageWithOwnFormsAndHead_PassesForMain()
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            "<html><head><meta charset=\"utf-8\"><link rel=\"stylesheet\" href=\"/css/site.css?v=1\"></head><body><main>"
            + "<form method=\"post\"></form><form method=\"post\" action=\"/Postings/1/Renew\"></form>"
            + "<a href=\"https://example.org\">x</a><img src=\"/Postings/1/Attachments/2\" alt=\"\"></main></body></html>");
        HostileInput.AssertInert(document.QuerySelector("main")!);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => HostileInput.AssertInert(document.DocumentElement));
    }
}
