using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace Portal.Infrastructure.Security;

/// <summary>
/// A request to a page is answered only when one of the page's handler methods takes it, chosen as Razor Pages chooses
/// (<see cref="IPageHandlerMethodSelector"/>); a page without any GET handler is also served to GET and HEAD, which
/// render it as it is. Anything else would render the page with nothing loaded, a server error at best:
/// <list type="bullet">
/// <item>405 with <c>Allow</c> when the page takes the same handler name with other methods: a POST without a handler
/// to a page that has only named ones, or TRACE, OPTIONS, PUT, PATCH and DELETE, which no page takes;</item>
/// <item>400 when no method takes that handler name.</item>
/// </list>
/// Runs right after routing, so the answer is the same for every visitor and nothing is read or checked first; the
/// status page then renders it like any other error.
/// </summary>
public static class PageMethods
{
    // The endpoint routing picks for a method that an endpoint outside the pages (health, security.txt) does not take.
    // It carries no metadata, so the fallback policy would send a visitor to sign in instead: it answers here.
    private const string RoutingMethodRefusal = "405 HTTP Method Not Supported";

    public static IApplicationBuilder UsePortalPageMethods(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is { DisplayName: RoutingMethodRefusal, RequestDelegate: { } refuse })
        {
            await refuse(context);
            return;
        }

        var page = endpoint?.Metadata.GetMetadata<CompiledPageActionDescriptor>();
        // The error page renders every failure whatever the method of the request that failed.
        if (page is null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<IExceptionHandlerFeature>() is not null || Takes(context, page))
        {
            await next(context);
            return;
        }

        var allowed = Allowed(page, HandlerName(context));
        if (allowed.Count == 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = string.Join(", ", allowed);
    });

    private static bool Takes(HttpContext context, CompiledPageActionDescriptor page)
    {
        var selector = context.RequestServices.GetRequiredService<IPageHandlerMethodSelector>();
        var pageContext = new PageContext { ActionDescriptor = page, HttpContext = context, RouteData = context.GetRouteData() };
        return selector.Select(pageContext) is not null
               || ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) && !HasGetHandler(page));
    }

    /// <summary>The methods that would find a handler for this name: unnamed handlers take any name, as in Razor Pages.</summary>
    private static List<string> Allowed(CompiledPageActionDescriptor page, string? name)
    {
        var methods = page.HandlerMethods
            .Where(h => h.Name is null || string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(h => h.HttpMethod.ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);
        if (!HasGetHandler(page) || methods.Contains(HttpMethods.Get))
        {
            methods.UnionWith([HttpMethods.Get, HttpMethods.Head]);
        }

        string[] order = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];
        return [.. methods.OrderBy(m => Array.IndexOf(order, m) is var i and >= 0 ? i : order.Length).ThenBy(m => m, StringComparer.Ordinal)];
    }

    private static bool HasGetHandler(CompiledPageActionDescriptor page) =>
        page.HandlerMethods.Any(h => string.Equals(h.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase));

    // Where Razor Pages looks for it: the route first, then the query string.
    private static string? HandlerName(HttpContext context) =>
        context.GetRouteValue("handler") is { } routed && routed.ToString() is { Length: > 0 } fromRoute
            ? fromRoute
            : context.Request.Query.TryGetValue("handler", out var values) ? values[0] : null;
}
