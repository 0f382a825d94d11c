namespace Portal.Features.Catalogue.Book;

public static class PrintSetup
{
    /// <summary>The print browser (one per app, closed with it) and the book printer; settings from "Print".</summary>
    public static IServiceCollection AddPortalPrint(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PrintOptions>(configuration.GetSection("Print"));
        services.AddSingleton<PrintBrowser>();
        services.AddSingleton<PrintBook>();
        return services;
    }
}
