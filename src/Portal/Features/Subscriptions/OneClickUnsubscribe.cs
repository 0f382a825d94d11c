using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Subscriptions;

/// <summary>
/// One-click unsubscribe (RFC 8058) for mail programs: the <c>List-Unsubscribe</c> header of a subscription e-mail
/// names <see cref="Path"/>, and <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> tells the program to POST
/// that body to it, which removes the subscription at once. The signed token in the address is the proof, as on
/// <c>/Unsubscribe</c>; a program's POST can carry no antiforgery token, and a forged request would need the token,
/// which only the e-mail holds. A GET (a person opening the address) goes to the page, which changes nothing until its
/// button is pressed.
/// </summary>
public static class OneClickUnsubscribe
{
    public const string Path = "/Unsubscribe/OneClick";

    public const string PostHeader = "List-Unsubscribe=One-Click";

    public static IEndpointRouteBuilder MapOneClickUnsubscribe(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext context) =>
            Results.Redirect("/Unsubscribe" + context.Request.QueryString.Value)).AllowAnonymous();
        endpoints.MapPost(Path, async (HttpContext context, UnsubscribeLinks links, PortalDbContext db) =>
        {
            if (!context.Request.HasFormContentType)
            {
                return Results.BadRequest();
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (form["List-Unsubscribe"] != "One-Click" || links.Read(context.Request.Query["token"]) is not int id)
            {
                return Results.BadRequest();
            }

            // Already removed reads the same as removed now.
            await db.Subscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(context.RequestAborted);
            return Results.Text("You are unsubscribed.", "text/plain; charset=utf-8");
        }).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }
}
