using Microsoft.Extensions.Options;
using Portal.Infrastructure;

namespace Portal.Features.Catalogue;

/// <summary>Runs the builds editors ask for, one after the other, woken at once by a request (<see cref="BuildSignal"/>).</summary>
public sealed class CatalogueBuildJob(IServiceScopeFactory scopes, BuildSignal signal, IOptions<CatalogueOptions> options, ILogger<CatalogueBuildJob> logger)
    : ScheduledJob(scopes, logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(1);

    protected override bool RunsInBackground => options.Value.BuildsInBackground;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // Each build in a scope of its own: a build holds its files in its DbContext until they are saved.
        while (await RunOneAsync(cancellationToken))
        {
        }

        async Task<bool> RunOneAsync(CancellationToken token)
        {
            await using var scope = CreateScope();
            return await scope.ServiceProvider.GetRequiredService<CatalogueBuilds>().RunNextAsync(token);
        }
    }

    protected override async Task<bool> WaitForNextRunAsync(CancellationToken cancellationToken)
    {
        await signal.WaitAsync(Period, cancellationToken);
        return true;
    }
}
