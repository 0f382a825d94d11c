using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages;

/// <summary>One page for every failure: a plain message and, for server errors, a reference to quote.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Status { get; private set; }

    public string Reference { get; private set; } = "";

    // No handler and nothing bound: the page renders for a failed request of any method (OPTIONS included, which Razor
    // Pages would otherwise answer 200 with nothing), and the status comes from that request itself, so a form that could
    // not be read (the reason a POST may end here) is not read again.
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reexecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        // Opened directly, /Error is just an address with nothing behind it, except /Error/413: the page nginx shows
        // for a body over the size limit it shares with the portal (deploy/nginx/portal.conf), so that a person reads the
        // same words whichever of the two refused.
        Status = failure is not null ? StatusCodes.Status500InternalServerError
            : reexecute is { OriginalStatusCode: >= 400 and < 600 } ? reexecute.OriginalStatusCode
            : RouteData.Values["status"] is "413" ? StatusCodes.Status413PayloadTooLarge
            : StatusCodes.Status404NotFound;
        Reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        if (failure is not null)
        {
            logger.LogError(failure.Error, "Unhandled error on {Path}; reference {Reference}", failure.Path, Reference);
        }

        Response.StatusCode = Status;
        context.Result = Page();
    }
}
