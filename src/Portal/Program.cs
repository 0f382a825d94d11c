using Portal;
using Portal.Data;
using Portal.Features.Accounts;
using Portal.Features.Backups;
using Portal.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();

// Before migrating: a backup copies the database as it is, and a restore needs it empty.
if (args is [BackupCommand.Name, ..])
{
    return await BackupCommand.RunAsync(app.Services, args);
}

if (args is [RestoreCommand.Name, ..])
{
    return await RestoreCommand.RunAsync(app.Services, args);
}

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
