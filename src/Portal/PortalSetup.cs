using Portal.Data;
using Portal.Features.Access;
using Portal.Features.Accounts;
using Portal.Features.Audit;
using Portal.Features.Catalogue;
using Portal.Features.Catalogue.Book;
using Portal.Features.EntryCodes;
using Portal.Features.Interests;
using Portal.Features.Markdown;
using Portal.Features.Matching;
using Portal.Features.Notices;
using Portal.Features.OpenData;
using Portal.Features.Participants;
using Portal.Features.Postings;
using Portal.Features.Sample;
using Portal.Features.Statistics;
using Portal.Features.Subscriptions;
using Portal.Infrastructure;
using Portal.Infrastructure.Caching;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Forms;
using Portal.Infrastructure.Security;

namespace Portal;

/// <summary>Registrations and the request pipeline, grouped so Program.cs stays a page long.</summary>
public static class PortalSetup
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        var services = builder.Services;

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddPortalDatabase(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddPortalKeyRing(builder.Configuration);
        services.AddPortalIdentity();
        services.AddPortalAuthorization();
        services.AddPortalRateLimits();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "portal.antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddOptions<SmtpOptions>().Bind(builder.Configuration.GetSection("Smtp"))
            .Validate(o => o.EnableSsl is null,
                "Smtp:EnableSsl is no longer read: set Smtp:Security to StartTls (or SslOnConnect for port 465, Auto, None).")
            .Validate(o => o.HasValidFrom, "Smtp:From must be an e-mail address, optionally with a name: Portal <portal@example.org>.")
            .ValidateOnStart();
        services.Configure<SecurityTxtOptions>(builder.Configuration.GetSection("SecurityTxt"));
        services.AddTrustedProxies(builder.Configuration);
        services.AddSingleton<PortalInstance>();
        services.AddSingleton<JobLeases>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<PublicAddress>();
        services.AddSingleton<MailSeal>();
        services.AddSingleton<SignedLinks>();
        services.AddScoped<Outbox>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddScoped<ChangeStamps>();
        services.AddSingleton<StampConnections>();
        services.AddSingleton<ReadCache>();
        services.AddScoped<AuditLog>();
        services.AddScoped<EntryCodeStore>();
        services.AddScoped<EntryCodeMail>();
        services.AddScoped<CodeHolders>();
        services.AddSingleton<CodeHolderLinks>();
        services.AddHostedService<EntryCodeRotationService>();
        services.AddScoped<ParticipantSeeder>();
        services.AddScoped<AccessRequests>();
        services.AddScoped<AccessMail>();
        services.Configure<AccessRequestOptions>(builder.Configuration.GetSection("AccessRequests"));
        services.AddHostedService<AccessRequestNotices>();
        services.AddScoped<IWaitingItems, AccessWaitingItems>();
        services.AddScoped<SampleData>();
        services.AddScoped<SamplePostingSeeder>();
        services.Configure<PostingOptions>(builder.Configuration.GetSection("Postings"));
        services.AddScoped<Readers>();
        services.AddScoped<PostingPages>();
        services.AddScoped<MatchFinder>();
        services.AddScoped<PostingCommands>();
        services.AddScoped<PostingRegions>();
        services.AddScoped<PostingAttachments>();
        services.AddScoped<PostingSearch>();
        services.AddScoped<PostingLifecycle>();
        services.AddScoped<PostingMail>();
        services.AddScoped<PostingSenderLinks>();
        services.AddScoped<PostingStatistics>();
        services.AddScoped<PostingExport>();
        services.AddScoped<InterestStatistics>();
        services.AddScoped<InterestCommands>();
        services.AddScoped<InterestMail>();
        services.AddScoped<InterestPages>();
        services.AddScoped<IWaitingItems, InterestWaitingItems>();
        services.AddScoped<IWaitingItems, PostingWaitingItems>();
        services.AddSingleton<RenderedMarkdown>();
        services.AddHostedService<PostingLifecycleService>();
        services.AddCatalogue(builder.Configuration);
        services.AddNotices(builder.Configuration);
        services.AddSubscriptions(builder.Configuration);
        services.AddPortalPrint(builder.Configuration);
        services.AddHousekeeping(builder.Configuration);
        services.AddResponseCompression(o =>
        {
            // Pages carry no secret that stays the same across responses (antiforgery tokens change every time),
            // so compressing them over HTTPS does not open a BREACH-style leak; lists are read on slow links.
            o.EnableForHttps = true;
        });
        services.AddPortalObservability(builder.Configuration);
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UsePortalObservability();
        if (!app.Environment.IsDevelopment())
        {
            // Sent only over HTTPS, that is behind the production proxy.
            app.UseHsts();
        }

        app.UseResponseCompression();
        app.UsePortalSecurityHeaders();
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx =>
            {
                ctx.Context.Items[SecurityHeaders.StaticMarker] = true;
                // A versioned address (asp-append-version) changes with the file, so it may be kept for a year.
                ctx.Context.Response.Headers.CacheControl = ctx.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "public, max-age=3600";
            },
        });
        app.UseRouting();
        app.UsePortalPageMethods();
        app.UsePortalRateLimits();
        app.UseAuthentication();
        app.UseCoordinatorSecondFactor();
        app.UseAuthorization();
        app.UsePortalFormReading();

        app.MapPortalHealth();
        app.MapSecurityTxt();
        app.MapOneClickUnsubscribe();
        app.MapRazorPages();
        return app;
    }
}
