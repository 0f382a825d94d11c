using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages;

/// <summary>One page for every failure: a plain message and, for server errors, a reference to quote.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Status { get; private set; }

    public string Reference { get; private set; } = "";

    public IActionResult OnGet(int? status) => Show(status);

    public IActionResult OnPost(int? status) => Show(status);

    private PageResult Show(int? status)
    {
        var reexecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        // Opened directly, /Error is just an address with nothing behind it.
        Status = failure is not null ? StatusCodes.Status500InternalServerError
            : reexecute is not null && status is >= 400 and < 600 ? status.Value
            : StatusCodes.Status404NotFound;
        Reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        if (failure is not null)
        {
            logger.LogError(failure.Error, "Unhandled error on {Path}; reference {Reference}", failure.Path, Reference);
        }

        Response.StatusCode = Status;
        return Page();
    }
}
