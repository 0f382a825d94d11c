using System.Net;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Integration;

/// <summary>
/// A request that no handler of the page takes is answered 405 with the methods that are taken, on the error page,
/// the same for every visitor; it never renders the page with nothing loaded (a server error before).
/// </summary>
public sealed class PageMethodsTests : PortalTest
{
    [Fact]
    public async Task PostWithoutHandler_ToAPageWithOnlyNamedPostHandlers_Is405_ForASignedInReader()
    {
        var observer = await TestAccounts.CreateAsync(Factory, PortalRole.Observer, "ngo-read");
        var focal = await TestAccounts.CreateAsync(Factory, PortalRole.FocalPoint, "LAO");
        using var owner = new Browser(Factory);
        await owner.SignInAsync(Factory, focal);
        var posting = await owner.PublishAsync(new PostingSteps.Draft());
        using var reader = new Browser(Factory);
        await reader.SignInAsync(Factory, observer);
        await reader.OpenAsync($"/Postings/{posting}");
        var token = reader.Token();

        foreach (var url in new[] { $"/Postings/{posting}", $"/Postings/{posting}?handler=Nope", "/Account/Manage/TwoFactor", "/Account/Manage/TwoFactor?handler=Nope" })
        {
            var response = await reader.PostAsync(url, [new("__RequestVerificationToken", token)]);

            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
            Assert.Equal("Request not accepted", reader.Find("h1"));
        }
    }

    [Theory]
    [InlineData("/Entry")]
    [InlineData("/Account/SignIn")]
    [InlineData("/Access/Request")]
    public async Task MethodsThePortalNeverServes_Are405_WithTheMethodsItDoes(string page)
    {
        using var visitor = new Browser(Factory);
        foreach (var method in new[] { HttpMethod.Trace, HttpMethod.Options, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            using var request = new HttpRequestMessage(method, new Uri(page, UriKind.Relative));
            using var response = await visitor.SendAsync(request);

            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal(["GET", "HEAD", "POST"], response.Content.Headers.Allow);
            Assert.Contains("Request not accepted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var head = new HttpRequestMessage(HttpMethod.Head, new Uri(page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, (await visitor.SendAsync(head)).StatusCode);
    }

    [Theory]
    [InlineData("/Postings/New", "GET, HEAD, POST")]
    [InlineData("/Admin/Audit", "GET, HEAD")]
    [InlineData("/health", "GET, HEAD")]
    [InlineData("/health/ready", "GET, HEAD")]
    public async Task PutPatchDelete_Are405_EvenBeforeSignIn_NotARedirectToIt(string page, string allowed)
    {
        using var visitor = new Browser(Factory);
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            using var request = new HttpRequestMessage(method, new Uri(page, UriKind.Relative));
            using var response = await visitor.SendAsync(request);

            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
        }
    }
}
