using Microsoft.AspNetCore.Identity;
using Portal.Data;
using Portal.Features.Sessions;

namespace Portal.Features.Accounts;

public static class IdentitySetup
{
    /// <summary>PBKDF2 iterations: OWASP's current figure for PBKDF2-HMAC-SHA512 is 210,000.</summary>
    public const int HashIterations = 210_000;

    public static IServiceCollection AddPortalIdentity(this IServiceCollection services)
    {
        services.AddIdentityCore<PortalUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;

                // Composition rules push people to predictable passwords; length and a block list do the work.
                o.Password.RequiredLength = PasswordPolicyValidator.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;

                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);

                o.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.Name;
            })
            .AddUserManager<PortalUserManager>()
            .AddSignInManager<PortalSignInManager>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.Name)
            .AddPasswordValidator<PasswordPolicyValidator>();

        services.Configure<PasswordHasherOptions>(o =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = HashIterations;
        });
        services.AddSingleton<DummyPasswordHash>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddIdentityCookies(cookies =>
            {
                cookies.ApplicationCookie?.Configure(o =>
                {
                    o.Cookie.Name = "portal.session";
                    o.Cookie.HttpOnly = true;
                    o.Cookie.SameSite = SameSiteMode.Lax;
                    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    o.ExpireTimeSpan = TimeSpan.FromHours(8);
                    o.SlidingExpiration = true;
                    o.LoginPath = "/Entry";
                    o.LogoutPath = "/Account/SignOut";
                    o.AccessDeniedPath = "/Account/AccessDenied";
                    o.ReturnUrlParameter = "returnUrl";
                    o.EventsType = typeof(PortalCookieEvents);
                });
                cookies.TwoFactorUserIdCookie?.Configure(o =>
                {
                    o.Cookie.Name = "portal.2fa";
                    o.Cookie.HttpOnly = true;
                    o.Cookie.SameSite = SameSiteMode.Lax;
                    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                });
            });

        services.AddScoped<PortalCookieEvents>();
        services.AddScoped<SessionStore>();
        services.AddSingleton<CommonPasswords>();
        services.AddScoped<AccountTokens>();
        services.AddScoped<AccountMail>();
        services.AddScoped<AccountPasswords>();
        services.AddScoped<AccountAdmin>();
        services.AddScoped<IdleAccounts>();
        services.AddScoped<AccountInvitations>();
        services.AddScoped<PeoplePages>();
        return services;
    }
}
