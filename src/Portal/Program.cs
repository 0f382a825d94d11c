using Portal;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
await app.Services.MigratePortalDatabaseAsync();
await app.Services.PrepareDataAsync(app.Configuration, app.Lifetime);

if (args is [CreateCoordinatorCommand.Name, ..])
{
    return await CreateCoordinatorCommand.RunAsync(app.Services, args);
}

app.UsePortal();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can start the app with WebApplicationFactory.</summary>
public partial class Program;
