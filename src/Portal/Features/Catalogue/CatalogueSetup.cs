using Portal.Features.Notices;

namespace Portal.Features.Catalogue;

public static class CatalogueSetup
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CatalogueOptions>(configuration.GetSection("Catalogue"));
        services.AddHostedService<CatalogueJob>();
        services.AddSingleton<BuildSignal>();
        services.AddScoped<CatalogueBuilds>();
        services.AddScoped<BuildPurge>();
        services.AddHostedService<CatalogueBuildJob>();
        services.AddScoped<CatalogueVisitors>();
        services.AddScoped<CallCommands>();
        services.AddScoped<ContributionCommands>();
        services.AddScoped<ContributionNotices>();
        services.AddScoped<IWaitingItems, CatalogueWaitingItems>();
        services.AddScoped<ContributionFigures>();
        services.AddScoped<ContributionImports>();
        services.AddScoped<ContributionLength>();
        services.AddScoped<ContributionVersions>();
        services.AddScoped<CopyEdits>();
        services.AddScoped<BookPlan>();
        services.AddScoped<CatalogueMail>();
        services.AddScoped<ContributionSenderMail>();
        services.AddScoped<BookInputs>();
        services.AddScoped<CallAnnouncements>();
        return services;
    }
}
