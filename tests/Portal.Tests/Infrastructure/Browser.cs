using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A person at a browser without JavaScript: keeps cookies, follows nothing by itself, reads pages with AngleSharp
/// and submits the page's real forms (antiforgery token included).
/// </summary>
public sealed class Browser : IDisposable
{
    private static int nextAddress = 1;
    private readonly HttpClient http;

    /// <param name="factory">The app.</param>
    /// <param name="address">The client address the app sees (each browser has its own unless given).</param>
    /// <param name="https">Whether the test server is addressed over https.</param>
    /// <param name="kestrel">Where the app listens when it runs on Kestrel (<c>UseKestrel</c>), for what only a real
    /// server does (request size limits); otherwise the browser talks to the in-memory test server.</param>
    public Browser(PortalFactory factory, string? address = null, bool https = false, Uri? kestrel = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Cookies = new CookieContainer();
        Address = address ?? $"10.{Interlocked.Increment(ref nextAddress) % 250}.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}";
        var handler = new CookieHandler(Cookies)
        {
            // The client waits for the server's answer to "Expect: 100-continue" (below) as long as it takes: after the
            // default 1 s it sends the body anyway, racing the server's refusal, and on a loaded CI machine the test
            // that refuses a 45 MB upload ran into the client's 100 s timeout.
            InnerHandler = kestrel is null
                ? factory.Server.CreateHandler()
                : new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseCookies = false,
                    Expect100ContinueTimeout = TimeSpan.FromMinutes(1),
                    // Over https only nginx in front of the app (NginxSmokeTests), on loopback with the test's own certificate.
                    SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => kestrel.IsLoopback },
                },
        };
        http = new HttpClient(handler) { BaseAddress = kestrel ?? new Uri(https ? "https://localhost" : "http://localhost") };
        http.DefaultRequestHeaders.Add(ClientAddressFilter.Header, Address);
    }

    public CookieContainer Cookies { get; }

    /// <summary>
    /// Sends "Expect: 100-continue", so that a body the server refuses from its headers alone (a request over the size
    /// limit) is not sent, and the answer can be read (a browser sends it and may see the connection close instead).
    /// </summary>
    public bool ExpectContinue
    {
        get => http.DefaultRequestHeaders.ExpectContinue == true;
        set => http.DefaultRequestHeaders.ExpectContinue = value;
    }

    public string Address { get; }

    /// <summary>Sends a header with every request from now on, as a client may send anything it likes.</summary>
    public void SendHeader(string name, string value) => http.DefaultRequestHeaders.Add(name, value);

    public HttpResponseMessage? LastResponse { get; private set; }

    public IDocument? Page { get; private set; }

    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        LastResponse = await http.GetAsync(new Uri(url, UriKind.Relative));
        await ParseAsync(LastResponse);
        return LastResponse;
    }

    /// <summary>GETs and follows redirects, like a person clicking a link.</summary>
    public async Task<IDocument> OpenAsync(string url)
    {
        var response = await GetAsync(url);
        for (var hops = 0; IsRedirect(response) && hops < 10; hops++)
        {
            response = await GetAsync(response.Headers.Location!.OriginalString);
        }

        return Page!;
    }

    public async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        LastResponse = await http.PostAsync(new Uri(url, UriKind.Relative), content);
        await ParseAsync(LastResponse);
        return LastResponse;
    }

    /// <summary>
    /// Sends a request as built, with this browser's cookies and address. The answer is left to the caller, not read as
    /// the current page: for tests that send many requests and read only their status and headers.
    /// </summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => http.SendAsync(request);

    /// <summary>Fills the form that contains the element matched by <paramref name="selector"/> and submits it.</summary>
    public Task<HttpResponseMessage> SubmitAsync(string selector, IDictionary<string, string>? values = null, bool follow = true) =>
        SubmitAsync(selector, new FormFill { Values = values }, follow);

    /// <summary>
    /// Submits a form as a browser would: checked boxes, every selected option, files as multipart, and the
    /// formaction of the button pressed.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string selector, FormFill fill, bool follow = true)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var form = FindForm(selector);
        var values = fill.Values;
        var lists = fill.Lists;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements.OfType<IHtmlElement>())
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    var chosen = lists?.TryGetValue(input.Name!, out var many) == true ? many.Contains(input.Value)
                        : values?.TryGetValue(input.Name!, out var v) == true ? v == input.Value
                        : input.IsChecked;
                    if (chosen)
                    {
                        fields.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name!, values?.TryGetValue(input.Name!, out var iv) == true ? iv : input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    if (lists?.TryGetValue(select.Name!, out var options) == true)
                    {
                        fields.AddRange(options.Select(o => new KeyValuePair<string, string>(select.Name!, o)));
                    }
                    else if (values?.TryGetValue(select.Name!, out var sv) == true)
                    {
                        fields.Add(new(select.Name!, sv));
                    }
                    else if (select.IsMultiple)
                    {
                        fields.AddRange(select.SelectedOptions.Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    }
                    else
                    {
                        fields.Add(new(select.Name!, select.Value ?? ""));
                    }

                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, values?.TryGetValue(area.Name!, out var tv) == true ? tv : area.Value));
                    break;
            }
        }

        // As a browser does, the button pressed sends its own name and value.
        if (fill.Button is not null && Page!.QuerySelector(fill.Button) is IHtmlButtonElement { Name.Length: > 0 } pressed)
        {
            fields.Add(new(pressed.Name!, pressed.Value));
        }

        var known = fields.Select(f => f.Key).Concat(form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type is "checkbox" or "radio" or "file").Select(i => i.Name!))
            .Concat(form.Elements.OfType<IHtmlSelectElement>().Select(s => s.Name!)).ToHashSet();
        foreach (var key in (values?.Keys ?? []).Concat(lists?.Keys ?? []).Concat(fill.Files?.Keys ?? []).Where(k => !known.Contains(k)))
        {
            throw new InvalidOperationException($"The form has no field named '{key}'.");
        }

        var action = fill.Button is not null && Page!.QuerySelector(fill.Button)?.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction
            : form.GetAttribute("action") is { Length: > 0 } a ? a : LastResponse!.RequestMessage!.RequestUri!.PathAndQuery;
        HttpResponseMessage response;
        if (fill.Files is null && !fill.Multipart)
        {
            response = await PostAsync(action, fields);
        }
        else
        {
            using var content = new MultipartFormDataContent();
            foreach (var (key, value) in fields)
            {
                content.Add(new StringContent(value), key);
            }

            foreach (var (key, (name, bytes)) in fill.Files ?? new Dictionary<string, (string, byte[])>())
            {
                content.Add(new ByteArrayContent(bytes), key, name);
            }

            LastResponse = await http.PostAsync(new Uri(action, UriKind.Relative), content);
            await ParseAsync(LastResponse);
            response = LastResponse;
        }

        if (follow)
        {
            for (var hops = 0; IsRedirect(response) && hops < 10; hops++)
            {
                response = await GetAsync(response.Headers.Location!.OriginalString);
            }
        }

        return response;
    }

    public string Text => Page?.Body?.TextContent ?? "";

    public string? Find(string selector) => Page?.QuerySelector(selector)?.TextContent.Trim();

    private IHtmlFormElement FindForm(string selector)
    {
        var element = Page?.QuerySelector(selector) ?? throw new InvalidOperationException($"No element '{selector}' on {LastResponse?.RequestMessage?.RequestUri}.");
        return element as IHtmlFormElement ?? element.Closest("form") as IHtmlFormElement
            ?? throw new InvalidOperationException($"'{selector}' is not in a form.");
    }

    /// <summary>The path a redirect points to, without query, whether the Location is absolute or relative.</summary>
    public static string? RedirectPath(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location;
        return location is null ? null : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
    }

    public static bool IsRedirect(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.RedirectKeepVerb or HttpStatusCode.TemporaryRedirect;

    private async Task ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        Page = await context.OpenAsync(req => req.Content(html).Address(response.RequestMessage!.RequestUri!));
    }

    public void Dispose() => http.Dispose();

    /// <summary>A cookie jar, as the test server's handler has none.</summary>
    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var header = cookies.GetCookieHeader(uri);
            if (!string.IsNullOrEmpty(header))
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    cookies.SetCookies(uri, setCookie);
                }
            }

            return response;
        }
    }
}

/// <summary>What to type into a form: single values, several values for checkboxes and multiple selects, and files.</summary>
public sealed class FormFill
{
    public IDictionary<string, string>? Values { get; init; }

    public IDictionary<string, string[]>? Lists { get; init; }

    public IDictionary<string, (string FileName, byte[] Content)>? Files { get; init; }

    /// <summary>Send as multipart/form-data even without files (as a form with enctype="multipart/form-data" does).</summary>
    public bool Multipart { get; init; }

    /// <summary>Selector of the submit button pressed, when it has its own formaction (a page handler) or name and value.</summary>
    public string? Button { get; init; }
}
