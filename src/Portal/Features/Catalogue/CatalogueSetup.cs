namespace Portal.Features.Catalogue;

public static class CatalogueSetup
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CatalogueOptions>(configuration.GetSection("Catalogue"));
        services.AddHostedService<CatalogueJob>();
        services.AddScoped<CatalogueVisitors>();
        services.AddScoped<CallCommands>();
        services.AddScoped<ContributionCommands>();
        services.AddScoped<ContributionImports>();
        services.AddScoped<ContributionLength>();
        services.AddScoped<BookPlan>();
        services.AddScoped<CatalogueMail>();
        services.AddScoped<BookInputs>();
        services.AddScoped<CallAnnouncements>();
        return services;
    }
}
