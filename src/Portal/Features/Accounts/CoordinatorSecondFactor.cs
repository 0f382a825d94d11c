using Portal.Data;
using Portal.Features.Access;

namespace Portal.Features.Accounts;

/// <summary>
/// A coordinator who signed in without a second factor may do nothing but set one up (or sign out).
/// </summary>
public static class CoordinatorSecondFactor
{
    public const string SetupPath = "/Account/Manage/TwoFactor";

    private static readonly string[] Allowed = [SetupPath, "/Account/Manage/RecoveryCodes", "/Account/SignOut", "/Error"];

    public static IApplicationBuilder UseCoordinatorSecondFactor(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true && user.RoleOf() == PortalRole.Coordinator &&
                !user.HasClaim(PortalClaims.AuthenticationMethod, "mfa") &&
                !Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.Redirect(SetupPath + "?required=true");
                return;
            }

            await next();
        });
}
