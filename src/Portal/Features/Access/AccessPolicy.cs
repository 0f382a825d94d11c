using Microsoft.AspNetCore.Authorization;
using Portal.Data;

namespace Portal.Features.Access;

/// <summary>
/// Who may open what, in one place. Everything requires a signed-in visitor unless listed in
/// <see cref="AnonymousPages"/>; /Admin requires a coordinator who signed in with a second factor.
/// </summary>
public static class AccessPolicy
{
    public const string Coordinator = "Coordinator";
    public const string AccountHolder = "AccountHolder";

    /// <summary>
    /// Who may write content (postings, contributions): a focal point or coordinator signed in with an account.
    /// An entry-code session never passes, whatever its role claim says: the code gives reading only.
    /// </summary>
    public const string Publisher = "Publisher";

    /// <summary>The only pages a visitor without a session may open.</summary>
    public static readonly string[] AnonymousPages =
    [
        "/Entry", "/Account/SignIn", "/Account/SignInTwoFactor", "/Account/SignInRecovery", "/Account/Invitation",
        "/Account/ForgotPassword", "/Account/ResetPassword", "/Access/Request", "/Access/Requested",
        "/Access/AlreadyRequested", "/Error", "/Unsubscribe", "/Holder/Subscriptions", "/Holder/Confirm",
        "/Postings/RenewByLink", "/Postings/WithdrawByLink",
    ];

    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Coordinator, p => p.RequireAuthenticatedUser()
                .RequireRole(nameof(PortalRole.Coordinator))
                .RequireClaim(PortalClaims.AuthenticationMethod, "mfa"))
            .AddPolicy(AccountHolder, p => p.RequireAuthenticatedUser()
                .RequireClaim(PortalClaims.SessionKind, nameof(SessionKind.Account)))
            .AddPolicy(Publisher, p => p.RequireAuthenticatedUser()
                .RequireClaim(PortalClaims.SessionKind, nameof(SessionKind.Account))
                .RequireRole(nameof(PortalRole.FocalPoint), nameof(PortalRole.Coordinator)));

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin", Coordinator);
            o.Conventions.AuthorizeFolder("/Account/Manage", AccountHolder);
            // Connections are between participants, and an entry-code session speaks for none.
            o.Conventions.AuthorizeFolder("/Connections", AccountHolder);
            foreach (var page in AnonymousPages)
            {
                o.Conventions.AllowAnonymousToPage(page);
            }
        });
        return services;
    }
}
